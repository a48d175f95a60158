const express = require("express");
const { Pool } = require("pg");

const app = express();
const pool = new Pool();

app.get("/items", async (req, res) => {
  const sort = req.get("X-Sort-By") || "name";
  const query = "SELECT id, name FROM items ORDER BY " + sort;
  const result = await pool.query(query);
  res.json(result.rows);
});

app.listen(3000);
