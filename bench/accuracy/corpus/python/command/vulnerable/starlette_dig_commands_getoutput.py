import subprocess

from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route


async def dig(request):
    record = request.query_params.get("record", "A")
    domain = request.query_params["domain"]
    output = subprocess.getoutput("dig +short " + record + " " + domain)
    return PlainTextResponse(output)


app = Starlette(routes=[Route("/dig", dig)])
