from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from jinja2 import Template

app = FastAPI()


@app.get("/banner", response_class=HTMLResponse)
def banner(message: str):
    layout = f"<div class='banner'>{message} - {{{{ site }}}}</div>"
    return Template(layout).render(site="Example Store")
