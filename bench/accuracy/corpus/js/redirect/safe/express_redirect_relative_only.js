const express = require("express");

const app = express();

app.post("/login", (req, res) => {
  const next = String(req.query.next || "/");
  const target = next.startsWith("/") && !next.startsWith("//") && !next.includes("\\") ? next : "/";
  res.redirect(target);
});

app.listen(3000);
