const express = require("express");

const app = express();
app.use(express.json());
const WEBHOOK_URL = "https://hooks.example.com/test";

async function sendTestHook(target, payload) {
  return fetch(target, { method: "POST", body: JSON.stringify(payload) });
}

app.post("/webhooks/test", async (req, res) => {
  const result = await sendTestHook(WEBHOOK_URL, { event: "ping", by: req.body.user });
  res.json({ status: result.status });
});

app.listen(3000);
