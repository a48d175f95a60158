const express = require("express");
const fs = require("fs/promises");
const path = require("path");

const app = express();
app.use(express.json());
const ATTACHMENTS = path.resolve("/srv/attachments");

app.delete("/attachments", async (req, res) => {
  const target = path.resolve(ATTACHMENTS, path.basename(req.body.filename));
  if (!target.startsWith(ATTACHMENTS + path.sep)) return res.sendStatus(400);
  await fs.unlink(target);
  res.sendStatus(204);
});

app.listen(3000);
