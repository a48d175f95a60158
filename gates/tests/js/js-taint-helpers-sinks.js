// Request data handed to a same-file helper whose parameter reaches an LDAP, XPath or XML-parser sink.
const ejs = require("ejs");
const express = require("express");
const ldap = require("ldapjs");
const libxmljs = require("libxmljs");
const xpath = require("xpath");
const { DOMParser } = require("@xmldom/xmldom");

const app = express();
const client = ldap.createClient({ url: "ldap://ldap.example.com" });
const doc = new DOMParser().parseFromString("<users/>", "text/xml");

function findPeople(uid, done) {
  client.search("ou=people,dc=example,dc=com", { filter: "(uid=" + uid + ")" }, done);
}

function usersNamed(name, limit) {
  const nodes = xpath.select("//user[name='" + name + "']", doc);
  return nodes.slice(0, limit);
}

function renderGreeting(template, name) {
  return ejs.render(template, { name });
}

function remember(req, role) {
  req.session.role = role;
}

const parseUpload = (xml, strict) => {
  return libxmljs.parseXml(xml, { noent: true });
};

app.get("/people", (req, res) => {
  // ruleid: js-ldap-injection
  findPeople(req.query.uid, () => res.end());
});

app.get("/people-static", (req, res) => {
  // ok: js-ldap-injection
  findPeople("admin", () => res.end(req.query.format));
});

app.get("/users", (req, res) => {
  // ruleid: js-xpath-injection
  res.json(usersNamed(req.query.name, 10));
});

app.get("/users-limited", (req, res) => {
  // ok: js-xpath-injection
  res.json(usersNamed("admin", Number(req.query.limit)));
});

app.post("/upload", (req, res) => {
  // ruleid: js-xxe
  res.json(parseUpload(req.body.xml, true).root().name());
});

app.post("/upload-strict", (req, res) => {
  // ok: js-xxe
  res.json(parseUpload("<a/>", req.query.strict === "1").root().name());
});

app.post("/greet", (req, res) => {
  // ruleid: js-template-injection
  res.send(renderGreeting(req.body.template, "you"));
});

app.post("/greet-named", (req, res) => {
  // ok: js-template-injection
  res.json({ html: renderGreeting("<p><%= name %></p>", req.body.name) });
});

app.post("/role", (req, res) => {
  // ruleid: js-trust-boundary
  remember(req, req.body.role);
  res.end();
});

app.post("/role-fixed", (req, res) => {
  // ok: js-trust-boundary
  remember(req, "viewer");
  res.end();
});
