const express = require("express");

const app = express();

app.get("/files/:name", (req, res) => {
  res.download("/srv/shared/" + req.params.name);
});

app.listen(3000);
