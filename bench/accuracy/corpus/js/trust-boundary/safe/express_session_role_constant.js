const express = require("express");
const session = require("express-session");

const app = express();
app.use(session({ secret: "replace-me", resave: false, saveUninitialized: false }));

app.get("/set-role", (req, res) => {
  const requested = req.query.role || "viewer";
  req.session.role = "viewer";
  res.json({ role: req.session.role, requested });
});

app.listen(3000);
