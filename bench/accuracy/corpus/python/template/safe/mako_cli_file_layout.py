import sys

from mako.template import Template

LAYOUT = "% for row in rows:\n${row['name']}: ${row['count']}\n% endfor\n"


def render_report(layout, rows):
    return Template(layout).render(rows=rows)


if __name__ == "__main__":
    rows = [{"name": name, "count": len(name)} for name in sys.argv[1:]]
    print(render_report(LAYOUT, rows))
