from fastapi import FastAPI, HTTPException
from sqlalchemy import create_engine, text

app = FastAPI()
engine = create_engine("postgresql://app@localhost/inventory")
SORTABLE = {"name", "price", "created_at"}


@app.get("/items")
def list_items(category: str, sort: str = "name"):
    if sort not in SORTABLE:
        raise HTTPException(status_code=400, detail="bad sort column")
    stmt = text(f"SELECT id, name FROM items WHERE category = :category ORDER BY {sort}")
    with engine.connect() as conn:
        result = conn.execute(stmt, {"category": category})
        return [dict(row._mapping) for row in result]
