const express = require("express");
const fs = require("fs/promises");
const path = require("path");

const app = express();
app.use(express.json());
const ATTACHMENTS = "/srv/attachments";

app.delete("/attachments", async (req, res) => {
  const target = path.resolve(ATTACHMENTS, req.body.folder, req.body.filename);
  await fs.unlink(target);
  res.sendStatus(204);
});

app.listen(3000);
