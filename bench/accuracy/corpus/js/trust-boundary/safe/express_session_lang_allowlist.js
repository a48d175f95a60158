const express = require("express");
const session = require("express-session");

const app = express();
app.use(express.json());
app.use(session({ secret: "replace-me", resave: false, saveUninitialized: false }));
const LANGUAGES = ["en", "pt", "de"];

app.post("/profile/prefs", (req, res) => {
  const lang = LANGUAGES.includes(req.body.lang) ? req.body.lang : "en";
  req.session.lang = lang;
  res.json({ lang: req.session.lang });
});

app.listen(3000);
