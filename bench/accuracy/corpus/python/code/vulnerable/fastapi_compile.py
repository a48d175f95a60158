from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Snippet(BaseModel):
    code: str


@app.post("/sandbox/run")
def run_snippet(snippet: Snippet):
    compiled = compile(snippet.code, "<snippet>", "exec")
    namespace = {}
    exec(compiled, namespace)
    return {"result": str(namespace.get("result"))}
