const express = require("express");

const app = express();
app.use(express.json());

app.post("/metrics/derived", (req, res) => {
  const spec = { left: req.body.left, op: req.body.op, right: req.body.right };
  spec.left = "1200";
  spec.op = "/";
  spec.right = "48";
  const expression = [spec.left, spec.op, spec.right].join(" ");
  res.json({ value: eval(expression) });
});

app.listen(3000);
