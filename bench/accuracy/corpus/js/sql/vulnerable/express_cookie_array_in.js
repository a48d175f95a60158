const express = require("express");
const cookieParser = require("cookie-parser");
const mysql = require("mysql");

const app = express();
app.use(cookieParser());
const conn = mysql.createConnection({ host: "localhost", user: "blog", database: "blog" });

app.get("/recent", (req, res) => {
  const tags = (req.cookies.tags || "news").split(",");
  const quoted = tags.map((t) => "'" + t + "'");
  const sql = "SELECT title FROM posts WHERE tag IN (" + quoted.join(", ") + ") LIMIT 20";
  conn.query(sql, (err, rows) => res.json(err ? [] : rows));
});

app.listen(3000);
