import re
import subprocess

from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

RECORD_TYPES = ("A", "AAAA", "MX", "TXT")


async def dig(request):
    record = request.query_params.get("record", "A")
    if record not in RECORD_TYPES:
        return PlainTextResponse("unsupported record", status_code=400)
    output = subprocess.getoutput("dig +short " + record + " example.org")
    return PlainTextResponse(output)


app = Starlette(routes=[Route("/dig", dig)])
