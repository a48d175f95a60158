const express = require("express");
const ejs = require("ejs");

const app = express();

app.get("/greet", (req, res) => {
  const name = req.query.name || "guest";
  const html = ejs.render("<h1>Hello " + name + "!</h1>", {});
  res.send(html);
});

app.listen(3000);
