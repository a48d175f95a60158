const express = require("express");

const app = express();
app.use(express.json());

app.post("/metrics/derived", (req, res) => {
  const spec = { left: req.body.left, op: req.body.op, right: req.body.right };
  const visits = 1200;
  const signups = 48;
  const expression = [spec.left, spec.op, spec.right].join(" ");
  res.json({ value: eval(expression), visits, signups });
});

app.listen(3000);
