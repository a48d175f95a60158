const express = require("express");
const escapeHtml = require("escape-html");
const he = require("he");

const app = express();

function greeting(name) {
  return "<h1>Hello " + name + "</h1>";
}

app.get("/hello", (req, res) => {
  // ruleid: js-xss
  res.send("<h1>Hello " + req.query.name + "</h1>");
});

app.get("/hello2", (req, res) => {
  const name = req.query.name;
  const page = `<p>${name}</p>`;
  // ruleid: js-xss
  res.status(200).send(page);
});

app.get("/hello3", (req, res) => {
  const html = greeting(req.params.name);
  res.type("html");
  // ruleid: js-xss
  res.write(html);
  res.end();
});

app.get("/hello4", (req, res) => {
  const view = { body: `<li>${req.query.item}</li>` };
  // ruleid: js-xss
  res.end(view.body);
});

app.get("/safe", async (req, res) => {
  // ok: js-xss
  res.send("<h1>Hello " + escapeHtml(req.query.name) + "</h1>");
  // ok: js-xss
  res.send(`<p>${he.encode(req.query.name)}</p>`);
  // ok: js-xss
  res.json({ name: req.query.name });
  // ok: js-xss
  res.send({ name: req.query.name });
  // ok: js-xss
  res.send("<p>" + parseInt(req.query.page, 10) + "</p>");
  let name = req.query.name;
  name = "guest";
  // ok: js-xss
  res.send("<h1>" + name + "</h1>");
  if (false) {
    // ok: js-xss
    res.send(req.query.name);
  }
  const user = await db.findUser(req.query.id);
  // ok: js-xss
  res.send(user);
});

app.get("/plain", (req, res) => {
  // Express answers a string as text/html: "<script>…" in the path runs
  // ruleid: js-xss
  res.send("requested " + req.params.sub);
});

app.get("/plain-typed", (req, res) => {
  res.type("text/plain");
  // ok: js-xss
  res.send("requested " + req.params.sub);
});

app.get("/plain-escaped", (req, res) => {
  // ok: js-xss
  res.status(404).send(`no page ${escapeHtml(req.params.sub)}`);
  const tags = req.query.tags.split(",");
  // ok: js-xss
  res.type("html").send("<ul>" + tags.map((t) => `<li>${he.encode(t)}</li>`).join("") + "</ul>");
});

app.get("/tag-list", (req, res) => {
  const tags = req.query.tags.split(",");
  // ruleid: js-xss
  res.type("html").send("<ul>" + tags.map((t) => `<li>${t}</li>`).join("") + "</ul>");
});

app.get("/declared", (req, res) => {
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  // ruleid: js-xss
  res.end(req.query.banner);
});

app.get("/text", (req, res) => {
  res.type("text/plain");
  // ok: js-xss
  res.send("You searched for " + req.query.q);
});

function renderHash() {
  // ruleid: js-xss
  document.getElementById("out").innerHTML = location.hash.slice(1);
  // ok: js-xss
  document.getElementById("out").textContent = location.hash.slice(1);
}
