const express = require("express");

const app = express();
const jobs = {};
const handlers = {
  refresh: () => console.log("refresh"),
  cleanup: () => console.log("cleanup"),
};

app.post("/watch/:handler", (req, res) => {
  const handler = handlers[req.params.handler];
  if (typeof handler !== "function") return res.sendStatus(404);
  const id = Date.now().toString(36);
  jobs[id] = setInterval(handler, 5000);
  res.json({ id });
});

app.listen(3000);
