const express = require("express");
const session = require("express-session");

const app = express();
app.use(express.json());
app.use(session({ secret: "replace-me", resave: false, saveUninitialized: false }));

function remember(req, key, value) {
  req.session[key] = value;
}

app.post("/accounts/choose", (req, res) => {
  remember(req, "accountId", req.body.accountId);
  res.json({ account: req.session.accountId });
});

app.listen(3000);
