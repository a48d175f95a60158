import httpx
from fastapi import FastAPI
from fastapi.responses import Response

app = FastAPI()


@app.get("/avatar-proxy")
async def avatar_proxy(host: str, user: str):
    async with httpx.AsyncClient() as client:
        resp = await client.get(f"https://{host}/avatars/{user}.png")
    return Response(content=resp.content, media_type="image/png")
