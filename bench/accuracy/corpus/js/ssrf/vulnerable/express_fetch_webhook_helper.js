const express = require("express");

const app = express();
app.use(express.json());

async function sendTestHook(target, payload) {
  return fetch(target, { method: "POST", body: JSON.stringify(payload) });
}

app.post("/webhooks/test", async (req, res) => {
  const result = await sendTestHook(req.body.webhookUrl, { event: "ping" });
  res.json({ status: result.status });
});

app.listen(3000);
