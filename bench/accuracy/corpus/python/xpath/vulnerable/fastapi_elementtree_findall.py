import xml.etree.ElementTree as ET

from fastapi import FastAPI

app = FastAPI()
CATALOG = ET.parse("catalog.xml")


@app.get("/books")
def books(author: str):
    root = CATALOG.getroot()
    matches = root.findall(".//book[author='%s']" % author)
    return [b.findtext("title") for b in matches]
