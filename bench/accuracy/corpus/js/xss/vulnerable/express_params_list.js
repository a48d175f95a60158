const express = require("express");

const app = express();

app.get("/tags/:list", (req, res) => {
  const items = req.params.list.split(",").map((tag) => `<li>${tag}</li>`);
  res.type("html").send("<ul>" + items.join("") + "</ul>");
});

app.listen(3000);
