from fastapi import FastAPI
from fastapi.responses import JSONResponse

app = FastAPI()


@app.get("/errors/{code}")
def error_page(code: str):
    return JSONResponse({"error": "unknown error code", "code": code}, status_code=404)
