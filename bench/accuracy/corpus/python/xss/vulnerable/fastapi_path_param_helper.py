from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


def page(title, body):
    return HTMLResponse("<html><head><title>%s</title></head><body>%s</body></html>" % (title, body))


@app.get("/errors/{code}")
def error_page(code: str):
    return page("Error", "<p>Unknown error code " + code + "</p>")
