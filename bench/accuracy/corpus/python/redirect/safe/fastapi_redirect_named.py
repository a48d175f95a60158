from fastapi import FastAPI, HTTPException
from fastapi.responses import RedirectResponse

app = FastAPI()
DESTINATIONS = {"docs": "https://docs.example.com", "status": "https://status.example.com"}


@app.get("/out")
def outbound(to: str):
    if to not in DESTINATIONS:
        raise HTTPException(status_code=404)
    return RedirectResponse(url=DESTINATIONS[to], status_code=302)
