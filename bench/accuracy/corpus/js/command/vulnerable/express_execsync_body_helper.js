const express = require("express");
const childProcess = require("child_process");

const app = express();
app.use(express.json());

function createArchive(label) {
  return childProcess.execSync("tar czf /var/backups/" + label + ".tgz /srv/site");
}

app.post("/admin/backup", (req, res) => {
  createArchive(req.body.label);
  res.json({ ok: true });
});

app.listen(3000);
