const express = require("express");
const axios = require("axios");

const app = express();
const ALLOWED_HOSTS = ["api.github.com", "status.example.com"];

app.get("/fetch", async (req, res) => {
  const url = new URL(req.query.url);
  if (!ALLOWED_HOSTS.includes(url.hostname) || url.protocol !== "https:") return res.sendStatus(400);
  const response = await axios.get(url.toString(), { timeout: 5000 });
  res.status(response.status).send(response.data);
});

app.listen(3000);
