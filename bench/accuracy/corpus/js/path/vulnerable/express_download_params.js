const express = require("express");
const path = require("path");

const app = express();

app.get("/files/:name", (req, res) => {
  res.download(path.join("/srv/shared", req.params.name));
});

app.listen(3000);
