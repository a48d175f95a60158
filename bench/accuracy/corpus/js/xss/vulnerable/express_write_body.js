const express = require("express");

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post("/preview", (req, res) => {
  res.setHeader("Content-Type", "text/html");
  res.write("<h2>Preview</h2>");
  res.write("<p>" + req.body.comment + "</p>");
  res.end();
});

app.listen(3000);
