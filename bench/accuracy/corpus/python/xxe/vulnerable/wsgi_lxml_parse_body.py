from lxml import etree


def application(environ, start_response):
    size = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(size)
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True)
    root = etree.fromstring(body, parser=parser)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [root.tag.encode()]
