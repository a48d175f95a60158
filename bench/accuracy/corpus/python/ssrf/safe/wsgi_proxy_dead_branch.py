from urllib.parse import parse_qs

import urllib3

http = urllib3.PoolManager()


def application(environ, start_response):
    target = "internal-status.example.com"
    if 7 * 18 > 200:
        target = parse_qs(environ["QUERY_STRING"]).get("target", [""])[0]
    resp = http.request("GET", "http://" + target + "/status")
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [resp.data]
