const express = require("express");
const axios = require("axios");

const app = express();

app.post("/jobs/notify", async (req, res) => {
  const callback = req.get("X-Callback-Url");
  const options = { method: "post", url: callback, data: { status: "done" } };
  const result = await axios(options);
  res.json({ callbackStatus: result.status });
});

app.listen(3000);
