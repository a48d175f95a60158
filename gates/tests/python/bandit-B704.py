from markupsafe import Markup


def comment(text):
    # ruleid: bandit-B704
    a = Markup("<p>" + text + "</p>")
    # ok: bandit-B704
    b = Markup("<p>{}</p>").format(text)
    return a, b
