import subprocess

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()
SOURCES = {"logo": "static/logo.png", "banner": "static/banner.png"}


class ConvertRequest(BaseModel):
    source: str
    width: int = 800


@app.post("/thumbnails")
def make_thumbnail(req: ConvertRequest):
    if req.source not in SOURCES:
        raise HTTPException(status_code=404)
    cmd = "convert %s -resize %dx thumb.png" % (SOURCES[req.source], int(req.width))
    subprocess.check_output(cmd, shell=True)
    return {"status": "ok"}
