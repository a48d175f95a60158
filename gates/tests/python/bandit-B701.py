import jinja2

# ruleid: bandit-B701
env = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"), autoescape=False)
# ok: bandit-B701
safe_env = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"), autoescape=True)
