const express = require("express");

const app = express();
app.set("view engine", "pug");
app.use(express.urlencoded({ extended: false }));

app.post("/preview", (req, res) => {
  res.render("preview", { comment: req.body.comment });
});

app.listen(3000);
