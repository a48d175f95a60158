from fastapi import FastAPI
from fastapi.responses import RedirectResponse

app = FastAPI()


@app.get("/out")
def outbound(to: str):
    return RedirectResponse(url=to, status_code=302)
