import xml.sax

from lxml import etree


def load(path):
    # ruleid: python-xxe-unproven
    parser = etree.XMLParser(resolve_entities=True)
    return etree.parse(path, parser)


def sax(handler):
    parser = xml.sax.make_parser()
    # ruleid: python-xxe-unproven
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    return parser


def safe(path):
    # ok: python-xxe-unproven
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(path, parser)
