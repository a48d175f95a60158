import base64

import dill


def application(environ, start_response):
    token = environ.get("HTTP_X_SESSION_BLOB", "")
    session = dill.loads(base64.urlsafe_b64decode(token))
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(session.get("user", "anonymous")).encode()]
