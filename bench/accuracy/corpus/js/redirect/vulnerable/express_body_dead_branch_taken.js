const express = require("express");

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post("/language", (req, res) => {
  let back = "/settings";
  if (7 * 18 > 100) {
    back = req.body.back;
  }
  res.redirect(back);
});

app.listen(3000);
