import subprocess

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class ConvertRequest(BaseModel):
    source: str
    width: int = 800


@app.post("/thumbnails")
def make_thumbnail(req: ConvertRequest):
    cmd = "convert %s -resize %dx thumb.png" % (req.source, req.width)
    subprocess.check_output(cmd, shell=True)
    return {"status": "ok"}
