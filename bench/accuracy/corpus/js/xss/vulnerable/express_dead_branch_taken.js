const express = require("express");

const app = express();
app.use(express.json());

app.post("/widgets/title", (req, res) => {
  let title = "Untitled";
  if (7 * 18 > 100) {
    title = req.body.title;
  }
  res.send("<div class='widget'><h4>" + title + "</h4></div>");
});

app.listen(3000);
