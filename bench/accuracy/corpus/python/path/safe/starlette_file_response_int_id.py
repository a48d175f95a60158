from starlette.applications import Starlette
from starlette.responses import FileResponse
from starlette.routing import Route

MEDIA = "/srv/media"


async def media(request):
    media_id = int(request.query_params["id"])
    return FileResponse(f"{MEDIA}/{media_id}.jpg")


app = Starlette(routes=[Route("/media", media)])
