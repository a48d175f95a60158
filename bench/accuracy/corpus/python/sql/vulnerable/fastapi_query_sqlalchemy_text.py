from fastapi import FastAPI
from sqlalchemy import create_engine, text

app = FastAPI()
engine = create_engine("postgresql://app@localhost/inventory")


@app.get("/items")
def list_items(category: str, sort: str = "name"):
    stmt = text(f"SELECT id, name FROM items WHERE category = '{category}' ORDER BY {sort}")
    with engine.connect() as conn:
        result = conn.execute(stmt)
        return [dict(row._mapping) for row in result]
