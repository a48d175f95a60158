from django.utils.html import format_html
from django.utils.safestring import mark_safe


def badge(name):
    # ruleid: bandit-B308
    a = mark_safe("<b>" + name + "</b>")
    # ok: bandit-B308
    b = format_html("<b>{}</b>", name)
    return a, b
