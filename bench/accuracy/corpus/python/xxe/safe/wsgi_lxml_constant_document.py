from lxml import etree

STATUS_XML = b"<status><state>ok</state></status>"


def application(environ, start_response):
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True)
    root = etree.fromstring(STATUS_XML, parser=parser)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [root.findtext("state").encode()]
