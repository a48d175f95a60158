from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def preferences(request):
    raw = request.cookies.get("prefs", "{}")
    prefs = eval(raw)
    return JSONResponse({"theme": prefs.get("theme", "light")})


app = Starlette(routes=[Route("/prefs", preferences)])
