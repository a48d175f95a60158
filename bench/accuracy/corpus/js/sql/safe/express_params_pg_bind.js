const express = require("express");
const { Pool } = require("pg");

const app = express();
const pool = new Pool();

app.get("/orders/:status", async (req, res) => {
  const status = req.params.status;
  const result = await pool.query("SELECT id, total FROM orders WHERE status = $1 ORDER BY id", [status]);
  res.json(result.rows);
});

app.listen(8080);
