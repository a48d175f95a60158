const express = require("express");

const app = express();

app.get("/calc", (req, res) => {
  const raw = req.query.value || "0";
  const result = JSON.parse(raw);
  res.json({ raw, result });
});

app.listen(3000);
