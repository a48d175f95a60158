const express = require("express");
const vm = require("vm");

const app = express();
app.use(express.text());

app.post("/sandbox/run", (req, res) => {
  const context = { result: null };
  vm.runInNewContext(req.body, context, { timeout: 100 });
  res.json({ result: context.result });
});

app.listen(3000);
