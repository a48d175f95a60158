const express = require("express");
const fs = require("fs");

const app = express();

app.get("/lang", (req, res) => {
  const locale = req.headers["accept-language"] || "en";
  const messages = JSON.parse(fs.readFileSync("./locales/" + locale + "/messages.json", "utf8"));
  res.json(messages);
});

app.listen(3000);
