const express = require("express");
const cookieParser = require("cookie-parser");
const mysql = require("mysql");

const app = express();
app.use(cookieParser());
const conn = mysql.createConnection({ host: "localhost", user: "blog", database: "blog" });

app.get("/recent", (req, res) => {
  const tags = (req.cookies.tags || "news").split(",");
  const placeholders = tags.map(() => "?").join(", ");
  const sql = "SELECT title FROM posts WHERE tag IN (" + placeholders + ") LIMIT 20";
  conn.query(sql, tags, (err, rows) => res.json(err ? [] : rows));
});

app.listen(3000);
