from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse

app = FastAPI()
DOCS_ROOT = Path("/srv/docs")


@app.get("/docs/{page:path}", response_class=PlainTextResponse)
def show_page(page: str):
    target = DOCS_ROOT / page
    return target.read_text()
