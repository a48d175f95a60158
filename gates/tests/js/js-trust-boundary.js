const express = require("express");
const session = require("express-session");

const app = express();
const ROLES = ["viewer", "editor"];

app.post("/prefs", (req, res) => {
  // ruleid: js-trust-boundary
  req.session.role = req.body.role;
  const name = req.query.user;
  // ruleid: js-trust-boundary
  req.session["user"] = name;
  const info = { admin: req.body.admin };
  // ruleid: js-trust-boundary
  req.session.info = info;
  res.end();
});

app.post("/login", async (req, res) => {
  const user = await users.authenticate(req.body.username, req.body.password);
  // ok: js-trust-boundary
  req.session.userId = user.id;
  // ok: js-trust-boundary
  req.session.visits = (req.session.visits || 0) + 1;
  const role = req.body.role;
  if (!ROLES.includes(role)) {
    return res.status(400).end();
  }
  // ok: js-trust-boundary
  req.session.role = role;
  let theme = req.body.theme;
  theme = "dark";
  // ok: js-trust-boundary
  req.session.theme = theme;
  // ok: js-trust-boundary
  req.session.page = parseInt(req.query.page, 10);
  res.end();
});

const THEMES = ["light", "dark"];

app.post("/theme", (req, res) => {
  // ok: js-trust-boundary
  req.session.theme = THEMES.includes(req.body.theme) ? req.body.theme : "light";
  // ruleid: js-trust-boundary
  req.session.theme = THEMES.includes(req.body.theme) ? req.body.theme : req.body.fallback;
  res.end();
});
