const express = require("express");

const app = express();
const REPORTS = "/srv/app/reports";

app.get("/reports/download", (req, res) => {
  res.sendFile(req.query.file, { root: REPORTS });
});

app.listen(3000);
