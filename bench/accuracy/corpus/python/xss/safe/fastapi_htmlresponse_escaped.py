from html import escape

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/welcome", response_class=HTMLResponse)
def welcome(user: str = "guest"):
    return HTMLResponse(content=f"<html><body><h2>Welcome back {escape(user)}</h2></body></html>")
