from django.utils.html import format_html
from django.utils.safestring import mark_safe
from markupsafe import Markup, escape


def badge(user):
    # ruleid: python-xss-mark-safe
    return mark_safe("<b>" + user.name + "</b>")


def comment(text):
    # ruleid: python-xss-mark-safe
    return Markup(f"<p>{text}</p>")


def render(html):
    # ruleid: python-xss-mark-safe
    return Markup(html)


def safe(user, text):
    # ok: python-xss-mark-safe
    a = mark_safe("<br>")
    # ok: python-xss-mark-safe
    b = format_html("<b>{}</b>", user.name)
    # ok: python-xss-mark-safe
    c = Markup("<p>{}</p>").format(text)
    # ok: python-xss-mark-safe
    d = Markup(escape(text))
    return a, b, c, d
