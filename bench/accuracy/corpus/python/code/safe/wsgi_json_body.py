import json


def application(environ, start_response):
    size = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(size).decode()
    value = json.loads(body)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(value).encode()]
