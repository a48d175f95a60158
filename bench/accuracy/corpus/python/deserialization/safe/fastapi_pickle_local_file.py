import pickle

from fastapi import FastAPI, Request

app = FastAPI()
MODEL_PATH = "/srv/models/current.pkl"


@app.post("/models/restore")
async def restore(request: Request):
    await request.body()
    with open(MODEL_PATH, "rb") as fh:
        model = pickle.loads(fh.read())
    return {"type": type(model).__name__}
