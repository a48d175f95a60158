from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def set_pref(request):
    theme = request.query_params.get("theme", "light")
    response = JSONResponse({"theme": theme})
    response.set_cookie("csrftoken", "a8f3c1", secure=False, httponly=False)
    return response


app = Starlette(routes=[Route("/prefs", set_pref)])
