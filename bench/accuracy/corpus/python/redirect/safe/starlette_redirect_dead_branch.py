from starlette.applications import Starlette
from starlette.responses import RedirectResponse
from starlette.routing import Route


async def shortlink(request):
    host = "www.example.com"
    if 7 * 18 > 200:
        host = request.query_params["host"]
    return RedirectResponse(f"https://{host}/welcome")


app = Starlette(routes=[Route("/go", shortlink)])
