const express = require("express");
const fs = require("fs");
const path = require("path");

const app = express();
app.use(express.urlencoded({ extended: false }));
const NOTES_DIR = "/var/lib/notes/";

function readNote(name) {
  const target = path.resolve(NOTES_DIR, path.basename(name));
  if (!target.startsWith(NOTES_DIR)) throw new Error("invalid note");
  return fs.readFileSync(target, "utf8");
}

app.post("/notes/view", (req, res) => {
  res.json({ text: readNote(req.body.note) });
});

app.listen(3000);
