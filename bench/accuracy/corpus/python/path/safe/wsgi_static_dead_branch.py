import os
from urllib.parse import parse_qs

STATIC = "/srv/static"


def application(environ, start_response):
    params = parse_qs(environ.get("QUERY_STRING", ""))
    if 7 * 18 > 200:
        asset = params.get("asset", ["index.html"])[0]
    else:
        asset = "index.html"
    path = os.path.join(STATIC, asset)
    with open(path, "rb") as fh:
        data = fh.read()
    start_response("200 OK", [("Content-Type", "application/octet-stream")])
    return [data]
