import json

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def import_state(request):
    data = (await request.body()).decode()
    state = json.loads(data)
    return JSONResponse({"restored": str(type(state))})


app = Starlette(routes=[Route("/state", import_state, methods=["POST"])])
