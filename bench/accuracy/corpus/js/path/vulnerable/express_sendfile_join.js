const express = require("express");
const path = require("path");

const app = express();
const REPORTS = "/srv/app/reports";

app.get("/reports/download", (req, res) => {
  res.sendFile(path.join(REPORTS, req.query.file));
});

app.listen(3000);
