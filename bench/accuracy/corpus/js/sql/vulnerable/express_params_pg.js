const express = require("express");
const { Pool } = require("pg");

const app = express();
const pool = new Pool();

app.get("/orders/:status", async (req, res) => {
  const status = req.params.status;
  const result = await pool.query("SELECT id, total FROM orders WHERE status = '" + status + "' ORDER BY id");
  res.json(result.rows);
});

app.listen(8080);
