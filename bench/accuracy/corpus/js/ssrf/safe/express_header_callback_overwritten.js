const express = require("express");
const axios = require("axios");

const app = express();

app.post("/jobs/notify", async (req, res) => {
  const options = { method: "post", url: req.get("X-Callback-Url"), data: { status: "done" } };
  options.url = "https://hooks.example.com/jobs";
  const result = await axios(options);
  res.json({ callbackStatus: result.status });
});

app.listen(3000);
