const express = require("express");
const crypto = require("crypto");

const app = express();

app.post("/remember", (req, res) => {
  const token = crypto.randomBytes(32).toString("hex");
  res.cookie("remember_token", token, { maxAge: 30 * 86400 * 1000, httpOnly: false, secure: false });
  res.send("remembered");
});

app.listen(3000);
