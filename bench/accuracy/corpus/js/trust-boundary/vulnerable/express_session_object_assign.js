const express = require("express");
const session = require("express-session");

const app = express();
app.use(express.json());
app.use(session({ secret: "replace-me", resave: false, saveUninitialized: false }));

app.post("/profile/prefs", (req, res) => {
  const prefs = { lang: req.body.lang || "en", isAdmin: req.body.isAdmin || false };
  Object.assign(req.session, prefs);
  res.json({ lang: req.session.lang });
});

app.listen(3000);
