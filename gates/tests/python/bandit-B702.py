from jinja2 import Environment
from mako.template import Template

# ruleid: bandit-B702
page = Template("<p>${name}</p>")
# ok: bandit-B702
env = Environment(autoescape=True)
