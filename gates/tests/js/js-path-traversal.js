const fs = require("fs");
const path = require("path");
const express = require("express");

const app = express();
const UPLOADS = "/srv/uploads";

function uploadPath(name) {
  return path.join(UPLOADS, name);
}

app.get("/read", (req, res) => {
  // ruleid: js-path-traversal
  fs.readFile(path.join(UPLOADS, req.query.name), "utf8", (err, data) => res.json(data));
});

app.get("/download/:file", (req, res) => {
  // ruleid: js-path-traversal
  res.sendFile(UPLOADS + "/" + req.params.file);
});

app.get("/dl/:file", (req, res) => {
  const file = uploadPath(req.params.file);
  // ruleid: js-path-traversal
  res.download(file);
});

app.post("/save", (req, res) => {
  const job = { target: req.body.path };
  // ruleid: js-path-traversal
  fs.writeFileSync(job.target, req.body.content);
  res.end();
});

app.get("/safe", (req, res) => {
  // ok: js-path-traversal
  fs.readFile(path.join(UPLOADS, path.basename(req.query.name)), "utf8", (err, data) => res.json(data));
});

app.get("/safe2/:file", (req, res) => {
  // ok: js-path-traversal
  res.sendFile(req.params.file, { root: UPLOADS });
});

app.get("/safe3/:file", (req, res) => {
  // ok: js-path-traversal
  res.download(req.params.file, { root: UPLOADS });
});

app.get("/safe4/:file", (req, res) => {
  // ok: js-path-traversal
  res.download(req.params.file, "report.pdf", { root: UPLOADS, dotfiles: "deny" });
});

app.get("/safe5", (req, res) => {
  const full = path.resolve(UPLOADS, req.query.name);
  if (!full.startsWith(UPLOADS + path.sep)) {
    return res.status(403).end();
  }
  // ok: js-path-traversal
  fs.createReadStream(full).pipe(res);
});

app.get("/safe6", (req, res) => {
  let name = req.query.name;
  name = "index.html";
  // ok: js-path-traversal
  res.sendFile(path.join(UPLOADS, name));
  if (false) {
    // ok: js-path-traversal
    fs.readFileSync(req.query.name);
  }
  // ok: js-path-traversal
  fs.readFileSync(path.join(UPLOADS, "report-" + parseInt(req.query.n, 10) + ".txt"));
});

function loadConfig(file) {
  // ok: js-path-traversal
  return fs.readFileSync(file, "utf8");
}

function insideUploads(name) {
  const full = path.resolve(UPLOADS, name);
  if (!full.startsWith(UPLOADS + path.sep)) {
    return null;
  }
  return full;
}

app.get("/checked-helper", (req, res) => {
  const file = insideUploads(req.query.name);
  if (!file) return res.sendStatus(403);
  // ok: js-path-traversal
  fs.createReadStream(file).pipe(res);
  // ruleid: js-path-traversal
  fs.createReadStream(uploadPath(req.query.name)).pipe(res);
});

const AdmZip = require("adm-zip");

function unpack(archive, dest) {
  for (const item of new AdmZip(archive).getEntries()) {
    // ruleid: js-path-traversal
    fs.writeFileSync(path.join(dest, item.entryName), item.getData());
    // ok: js-path-traversal
    fs.writeFileSync(path.join(dest, path.basename(item.entryName)), item.getData());
  }
}

function unpackStream(zipfile, dest) {
  zipfile.on("entry", (entry) => {
    // ruleid: js-path-traversal
    zipfile.openReadStream(entry, (err, stream) => stream.pipe(fs.createWriteStream(path.join(dest, entry.fileName))));
  });
}

app.post("/clone", (req, res) => {
  // ruleid: js-path-traversal
  fs.cpSync(path.join("/srv/skeletons", req.body.skeleton), "/srv/sites/new", { recursive: true });
  // ruleid: js-path-traversal
  fs.copyFileSync("/srv/skeletons/index.html", path.join("/srv/sites", req.body.site, "index.html"));
  // ok: js-path-traversal
  fs.cpSync(path.join("/srv/skeletons", path.basename(req.body.skeleton)), "/srv/sites/new", { recursive: true });
  res.end();
});
