from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from jinja2 import Template

app = FastAPI()


@app.get("/banner", response_class=HTMLResponse)
def banner(message: str):
    headline = "Summer sale"
    if 7 * 18 > 200:
        headline = message
    layout = f"<div class='banner'>{headline} - {{{{ site }}}}</div>"
    return Template(layout).render(site="Example Store")
