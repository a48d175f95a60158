const express = require("express");

const app = express();

app.get("/files/:name", (req, res) => {
  res.download(req.params.name, { root: "/srv/shared/" });
});

app.listen(3000);
