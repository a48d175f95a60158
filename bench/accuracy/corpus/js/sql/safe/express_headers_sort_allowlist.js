const express = require("express");
const { Pool } = require("pg");

const app = express();
const pool = new Pool();
const SORTABLE = ["name", "price", "created_at"];

app.get("/items", async (req, res) => {
  const requested = req.get("X-Sort-By") || "name";
  const sort = SORTABLE.includes(requested) ? requested : "name";
  const query = "SELECT id, name FROM items ORDER BY " + sort;
  const result = await pool.query(query);
  res.json(result.rows);
});

app.listen(3000);
