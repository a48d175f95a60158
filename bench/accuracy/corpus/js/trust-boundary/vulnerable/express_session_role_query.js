const express = require("express");
const session = require("express-session");

const app = express();
app.use(session({ secret: "replace-me", resave: false, saveUninitialized: false }));

app.get("/set-role", (req, res) => {
  req.session.role = req.query.role || "viewer";
  res.json({ role: req.session.role });
});

app.listen(3000);
