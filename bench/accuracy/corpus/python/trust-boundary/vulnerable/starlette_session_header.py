from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import JSONResponse
from starlette.routing import Route


async def impersonate(request):
    request.session["user_id"] = request.headers.get("X-User-Id")
    return JSONResponse({"user": request.session["user_id"]})


app = Starlette(
    routes=[Route("/impersonate", impersonate)],
    middleware=[Middleware(SessionMiddleware, secret_key="replace-me")],
)
