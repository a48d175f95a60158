import io
import xml.sax

from fastapi import FastAPI, Request

app = FastAPI()


class CountHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.count = 0

    def startElement(self, name, attrs):
        self.count += 1


@app.post("/xml/count")
async def count_elements(request: Request):
    body = await request.body()
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    handler = CountHandler()
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(body))
    return {"elements": handler.count}
