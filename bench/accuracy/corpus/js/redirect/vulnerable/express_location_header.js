const express = require("express");
const cookieParser = require("cookie-parser");

const app = express();
app.use(cookieParser());

app.get("/sso/callback", (req, res) => {
  const state = { returnTo: req.cookies.return_to || "/home" };
  res.location(state.returnTo);
  res.sendStatus(302);
});

app.listen(3000);
