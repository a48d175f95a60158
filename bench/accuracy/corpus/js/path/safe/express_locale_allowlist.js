const express = require("express");
const fs = require("fs");

const app = express();
const LOCALES = new Set(["en", "de", "fr", "pt"]);

app.get("/lang", (req, res) => {
  const requested = (req.headers["accept-language"] || "en").slice(0, 2);
  const locale = LOCALES.has(requested) ? requested : "en";
  const messages = JSON.parse(fs.readFileSync("./locales/" + locale + "/messages.json", "utf8"));
  res.json(messages);
});

app.listen(3000);
