const express = require("express");

const app = express();
const jobs = {};

app.post("/watch/:handler", (req, res) => {
  const id = Date.now().toString(36);
  jobs[id] = setInterval("handlers." + req.params.handler + "()", 5000);
  res.json({ id });
});

app.listen(3000);
