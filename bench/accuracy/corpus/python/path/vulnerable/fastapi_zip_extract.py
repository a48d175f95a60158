import io
import zipfile

from fastapi import FastAPI, File, UploadFile

app = FastAPI()


@app.post("/imports")
async def import_bundle(bundle: UploadFile = File(...)):
    content = await bundle.read()
    with zipfile.ZipFile(io.BytesIO(content)) as zf:
        for member in zf.namelist():
            with open("/srv/imports/" + member, "wb") as out:
                out.write(zf.read(member))
    return {"files": len(zf.namelist())}
