import pickle

from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/models/restore")
async def restore(request: Request):
    blob = await request.body()
    model = pickle.loads(blob)
    return {"type": type(model).__name__}
