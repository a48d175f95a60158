import sys

from defusedxml.lxml import parse as safe_parse


def load_config(path):
    return safe_parse(path)


if __name__ == "__main__":
    config = load_config(sys.argv[1])
    for node in config.getroot():
        print(node.tag, node.text)
