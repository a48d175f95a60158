import sys

from lxml import etree


def load_config(path):
    parser = etree.XMLParser(resolve_entities=True, dtd_validation=True)
    return etree.parse(path, parser)


if __name__ == "__main__":
    config = load_config(sys.argv[1])
    for node in config.getroot():
        print(node.tag, node.text)
