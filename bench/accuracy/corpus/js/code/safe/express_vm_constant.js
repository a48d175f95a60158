const express = require("express");
const vm = require("vm");

const app = express();
app.use(express.text());
const SCRIPT = "result = input.split(',').length";

app.post("/sandbox/run", (req, res) => {
  const context = { input: String(req.body), result: null };
  vm.runInNewContext(SCRIPT, context, { timeout: 100 });
  res.json({ result: context.result });
});

app.listen(3000);
