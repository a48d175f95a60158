const express = require("express");

const app = express();
app.use(express.json());

function compileRule(body) {
  return new Function("order", "return " + body + ";");
}

app.post("/pricing/preview", (req, res) => {
  const rule = compileRule(req.body.rule);
  const order = { total: 120, items: 3 };
  res.json({ discount: rule(order) });
});

app.listen(3000);
