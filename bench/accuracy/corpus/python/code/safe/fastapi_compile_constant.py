from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()
TEMPLATE = "result = sum(range(10))"


class Snippet(BaseModel):
    code: str


@app.post("/sandbox/run")
def run_snippet(snippet: Snippet):
    compiled = compile(TEMPLATE, "<snippet>", "exec")
    namespace = {}
    exec(compiled, namespace)
    return {"result": str(namespace.get("result")), "received": len(snippet.code)}
