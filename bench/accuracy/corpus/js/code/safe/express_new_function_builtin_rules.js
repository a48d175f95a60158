const express = require("express");

const app = express();
app.use(express.json());
const RULES = {
  bulk: "order.items > 2 ? order.total * 0.1 : 0",
  none: "0",
};

function compileRule(body) {
  return new Function("order", "return " + body + ";");
}

app.post("/pricing/preview", (req, res) => {
  const name = Object.prototype.hasOwnProperty.call(RULES, req.body.rule) ? req.body.rule : "none";
  const rule = compileRule(RULES[name]);
  res.json({ discount: rule({ total: 120, items: 3 }) });
});

app.listen(3000);
