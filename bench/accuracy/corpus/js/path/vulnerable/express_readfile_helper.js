const express = require("express");
const fs = require("fs");

const app = express();
app.use(express.urlencoded({ extended: false }));
const NOTES_DIR = "/var/lib/notes/";

function readNote(name) {
  return fs.readFileSync(NOTES_DIR + name, "utf8");
}

app.post("/notes/view", (req, res) => {
  res.json({ text: readNote(req.body.note) });
});

app.listen(3000);
