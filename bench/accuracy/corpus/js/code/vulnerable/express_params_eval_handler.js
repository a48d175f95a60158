const express = require("express");

const app = express();
const jobs = {};
const handlers = {
  refresh: () => console.log("refresh"),
  cleanup: () => console.log("cleanup"),
};

app.post("/watch/:handler", (req, res) => {
  const id = Date.now().toString(36);
  const call = "handlers." + req.params.handler + "()";
  jobs[id] = setInterval(() => eval(call), 5000);
  res.json({ id, handlers: Object.keys(handlers) });
});

app.listen(3000);
