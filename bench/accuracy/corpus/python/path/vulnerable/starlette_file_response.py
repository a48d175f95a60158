from starlette.applications import Starlette
from starlette.responses import FileResponse
from starlette.routing import Route

MEDIA = "/srv/media"


async def media(request):
    filename = request.query_params["name"]
    return FileResponse(f"{MEDIA}/{filename}")


app = Starlette(routes=[Route("/media", media)])
