const fs = require("fs");
const path = require("path");
const express = require("express");

const app = express();
const UPLOADS = "/srv/uploads";

app.get("/read", (req, res) => {
  // ruleid: js-path-traversal
  fs.readFile(path.join(UPLOADS, req.query.name), "utf8", (err, data) => res.send(data));
});

app.get("/download/:file", (req, res) => {
  // ruleid: js-path-traversal
  res.sendFile(UPLOADS + "/" + req.params.file);
});

app.post("/save", (req, res) => {
  // ruleid: js-path-traversal
  fs.writeFileSync(req.body.path, req.body.content);
  res.end();
});

app.get("/safe", (req, res) => {
  // ok: js-path-traversal
  fs.readFile(path.join(UPLOADS, path.basename(req.query.name)), "utf8", (err, data) => res.send(data));
});

app.get("/safe2/:file", (req, res) => {
  // ok: js-path-traversal
  res.sendFile(req.params.file, { root: UPLOADS });
});

function loadConfig(file) {
  // ok: js-path-traversal
  return fs.readFileSync(file, "utf8");
}
