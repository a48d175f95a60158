import httpx
from fastapi import FastAPI
from fastapi.responses import Response

app = FastAPI()
AVATAR_HOST = "avatars.example.com"


@app.get("/avatar-proxy")
async def avatar_proxy(user_id: int):
    async with httpx.AsyncClient() as client:
        resp = await client.get(f"https://{AVATAR_HOST}/avatars/{int(user_id)}.png")
    return Response(content=resp.content, media_type="image/png")
