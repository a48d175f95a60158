from itsdangerous import BadSignature, URLSafeSerializer

serializer = URLSafeSerializer("change-me", salt="session")


def application(environ, start_response):
    token = environ.get("HTTP_X_SESSION_BLOB", "")
    try:
        session = serializer.loads(token)
    except BadSignature:
        session = {}
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(session.get("user", "anonymous")).encode()]
