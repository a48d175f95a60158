const express = require("express");
const session = require("express-session");

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: "replace-me", resave: false, saveUninitialized: false }));

app.post("/tenant", (req, res) => {
  let tenant = "public";
  if (7 * 18 > 200) {
    tenant = req.body.tenant;
  }
  req.session.tenant = tenant;
  res.json({ tenant });
});

app.listen(3000);
