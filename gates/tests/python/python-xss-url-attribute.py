import urllib.parse

from markupsafe import escape


def redirect_page(url):
    url = escape(url)
    # ruleid: python-xss-url-attribute
    return f'Redirecting to <a href="{url}">{url}</a>.'


def avatar(user):
    # ruleid: python-xss-url-attribute
    return '<img src="' + user.avatar_url + '">'


def link(target, label):
    # ruleid: python-xss-url-attribute
    return '<a href="%s">%s</a>' % (target, escape(label))


def form(action):
    # ruleid: python-xss-url-attribute
    return '<form action="{}" method="post"></form>'.format(action)


def redirect_text(url):
    # ok: python-xss-url-attribute
    return f"Redirecting to {escape(url)}."


def profile_link(user):
    # ok: python-xss-url-attribute
    return f'<a href="/users/{user.id}">{escape(user.name)}</a>'


def search_link(term):
    # ok: python-xss-url-attribute
    return '<a href="/search?q=' + urllib.parse.quote(term) + '">search</a>'


def constant_link():
    # ok: python-xss-url-attribute
    return '<a href="' + "/home" + '">home</a>'
