import subprocess
from urllib.parse import parse_qs


def application(environ, start_response):
    query = parse_qs(environ["QUERY_STRING"])
    name = "example.com"
    if 7 * 18 > 200:
        name = query.get("name", ["example.com"])[0]
    proc = subprocess.Popen("nslookup " + name, shell=True, stdout=subprocess.PIPE)
    out, _ = proc.communicate()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [out]
