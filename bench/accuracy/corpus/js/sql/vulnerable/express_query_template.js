const express = require("express");
const mysql = require("mysql2");

const app = express();
const pool = mysql.createPool({ host: "localhost", user: "shop", database: "shop" });

app.get("/products", (req, res) => {
  const name = req.query.name || "";
  pool.query(`SELECT id, name, price FROM products WHERE name LIKE '%${name}%'`, (err, rows) => {
    if (err) return res.status(500).json({ error: "db error" });
    res.json(rows);
  });
});

app.listen(3000);
