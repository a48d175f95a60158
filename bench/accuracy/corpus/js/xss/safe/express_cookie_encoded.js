const express = require("express");
const cookieParser = require("cookie-parser");
const escapeHtml = require("escape-html");

const app = express();
app.use(cookieParser());

app.get("/last-search", (req, res) => {
  const term = req.cookies.lastSearch || "";
  const parts = ["<h3>Your last search</h3>"];
  parts.push(`<a href="/search?q=${encodeURIComponent(term)}">${escapeHtml(term)}</a>`);
  res.send(parts.join("\n"));
});

app.listen(3000);
