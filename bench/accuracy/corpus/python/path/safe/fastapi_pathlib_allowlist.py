from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import PlainTextResponse

app = FastAPI()
DOCS_ROOT = Path("/srv/docs")
PAGES = {"intro": "intro.md", "install": "install.md", "faq": "faq.md"}


@app.get("/docs/{page:path}", response_class=PlainTextResponse)
def show_page(page: str):
    if page not in PAGES:
        raise HTTPException(status_code=404)
    target = DOCS_ROOT / PAGES[page]
    return target.read_text()
