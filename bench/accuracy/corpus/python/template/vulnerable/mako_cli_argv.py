import sys

from mako.template import Template


def render_report(layout, rows):
    return Template(layout).render(rows=rows)


if __name__ == "__main__":
    rows = [{"name": "alpha", "count": 3}, {"name": "beta", "count": 5}]
    print(render_report(sys.argv[1], rows))
