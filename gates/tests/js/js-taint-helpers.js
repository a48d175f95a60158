// Request data handed to a same-file helper whose parameter reaches the sink: the call blocks
// (ygs/review/analyzers/summaries.py). Data for a parameter that never reaches the sink does not.
const express = require("express");
const { exec } = require("child_process");
const fs = require("fs");
const path = require("path");
const db = require("./db");
const serialize = require("node-serialize");

const app = express();
const REPORTS = "/srv/reports";

function runReport(name, done) {
  exec("report-tool " + name, done);
}

const countRows = (table, limit, done) => {
  db.query("SELECT count(*) FROM " + table + " LIMIT 10", done);
};

function readReport(name) {
  return fs.readFileSync(path.join(REPORTS, name), "utf8");
}

class Store {
  find(name, done) {
    db.query("SELECT id FROM users WHERE name = '" + name + "'", done);
  }
}

app.get("/reports/run", (req, res) => {
  // ruleid: js-command-injection
  runReport(req.query.name, (err, out) => res.send(String(out)));
});

app.get("/count", (req, res) => {
  // ruleid: js-sql-injection
  countRows(req.query.table, 10, () => {});
  // ok: js-sql-injection
  countRows("users", req.query.limit, (err, n) => res.json(n));
});

app.get("/reports/read", (req, res) => {
  // ruleid: js-path-traversal
  res.type("text").send(readReport(req.query.name));
});

app.get("/users", (req, res) => {
  const store = new Store();
  // ruleid: js-sql-injection
  store.find(req.query.name, (err, rows) => res.json(rows));
  // ok: js-sql-injection
  store.find("admin", () => {});
});

function calculate(expression) {
  return eval(expression);
}

function fetchPreview(url) {
  return fetch(url);
}

function sendBack(res, target) {
  res.redirect(target);
}

function showTitle(res, title) {
  res.set("Content-Type", "text/html");
  res.send("<h1>" + title + "</h1>");
}

function restore(blob) {
  return serialize.unserialize(blob);
}

app.get("/calc", (req, res) => {
  // ruleid: js-code-injection
  res.json({ value: calculate(req.query.expr) });
});

app.get("/preview", async (req, res) => {
  // ruleid: js-ssrf
  const page = await fetchPreview(req.query.url);
  // ok: js-ssrf
  await fetchPreview("https://status.example.com/" + encodeURIComponent(String(page.status)));
  res.json({ ok: true });
});

app.get("/back", (req, res) => {
  // ruleid: js-open-redirect
  sendBack(res, req.query.to);
});

app.get("/title", (req, res) => {
  // ruleid: js-xss
  showTitle(res, req.query.t);
});

app.post("/restore", (req, res) => {
  // ruleid: js-unsafe-deserialization
  res.json(restore(req.body.state));
});
