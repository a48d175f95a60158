from django.utils.html import format_html
from django.utils.safestring import mark_safe


def badge(name):
    # ruleid: bandit-B703
    a = mark_safe("<b>%s</b>" % name)
    # ok: bandit-B703
    b = mark_safe("<br>")
    # ok: bandit-B703
    c = format_html("<b>{}</b>", name)
    return a, b, c
