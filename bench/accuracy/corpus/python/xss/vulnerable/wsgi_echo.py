from urllib.parse import parse_qs


def application(environ, start_response):
    params = parse_qs(environ.get("QUERY_STRING", ""))
    message = params.get("msg", [""])[0]
    page = "<html><body><p>You said: " + message + "</p></body></html>"
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
    return [page.encode("utf-8")]
