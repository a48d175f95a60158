import requests
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def notify(request):
    callback = request.headers.get("X-Callback-Url")
    callback = "https://hooks.example.com/jobs"
    result = requests.post(callback, data={"status": "done"}, timeout=5)
    return JSONResponse({"callback_status": result.status_code})


app = Starlette(routes=[Route("/jobs/notify", notify, methods=["POST"])])
