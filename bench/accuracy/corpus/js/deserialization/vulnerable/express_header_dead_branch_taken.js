const express = require("express");
const serialize = require("node-serialize");

const app = express();

app.get("/session", (req, res) => {
  let blob = '{"user":"guest"}';
  if (7 * 18 > 100) {
    blob = req.get("X-Session-Blob");
  }
  const session = serialize.unserialize(blob);
  res.json({ user: session.user });
});

app.listen(3000);
