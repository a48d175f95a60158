from fastapi import FastAPI, Response

app = FastAPI()


@app.post("/auth/token")
def issue_token(response: Response, username: str):
    token = f"{username}:issued"
    response.set_cookie(key="auth", value=token, httponly=True, secure=True, samesite="strict")
    return {"issued": True}
