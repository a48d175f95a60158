const express = require("express");

const app = express();
const ALLOWED = ["/home", "/profile"];

function target(next) {
  return next || "/";
}

app.get("/login", (req, res) => {
  // ruleid: js-open-redirect
  res.redirect(req.query.next);
});

app.get("/go", (req, res) => {
  const url = req.query.url;
  // ruleid: js-open-redirect
  res.redirect(302, url);
});

app.get("/back", (req, res) => {
  const dest = target(req.query.returnTo);
  // ruleid: js-open-redirect
  res.redirect(dest);
});

app.get("/jump", (req, res) => {
  const opts = { to: req.body.to };
  // ruleid: js-open-redirect
  res.writeHead(302, { Location: opts.to });
  res.end();
});

app.get("/safe", (req, res) => {
  // ok: js-open-redirect
  res.redirect("/home");
  // ok: js-open-redirect
  res.redirect("/users/" + req.params.id);
  const next = req.query.next;
  if (!ALLOWED.includes(next)) {
    return res.redirect("/");
  }
  // ok: js-open-redirect
  res.redirect(next);
});

app.get("/back", (req, res) => {
  // ok: js-open-redirect
  res.redirect(req.get("Referrer") || "/");
});

app.get("/safe2", (req, res) => {
  let next = req.query.next;
  next = "/dashboard";
  // ok: js-open-redirect
  res.redirect(next);
  if (false) {
    // ok: js-open-redirect
    res.redirect(req.query.next);
  }
});

const TRUSTED_HOSTS = new Set(["accounts.example.com"]);

app.get("/continue", (req, res) => {
  const back = String(req.query.back || "/");
  // ok: js-open-redirect
  res.redirect(back.startsWith("/") && !back.startsWith("//") ? back : "/");
  // ruleid: js-open-redirect
  res.redirect(back.startsWith("/") ? back : "/");
  const dest = new URL(req.query.dest);
  if (!TRUSTED_HOSTS.has(dest.hostname)) {
    return res.redirect("/");
  }
  // ok: js-open-redirect
  res.redirect(dest.href);
});

app.post("/users/:id/pets", (req, res) => {
  // ok: js-open-redirect
  res.redirect("/users/" + req.params.id);
  // ok: js-open-redirect
  res.redirect(`/users/${req.params.id}/pets`);
});
