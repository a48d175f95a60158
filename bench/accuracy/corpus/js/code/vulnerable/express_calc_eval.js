const express = require("express");

const app = express();

app.get("/calc", (req, res) => {
  const expression = req.query.expr || "1+1";
  const result = eval(expression);
  res.json({ expression, result });
});

app.listen(3000);
