const express = require("express");
const session = require("express-session");

const app = express();
app.use(express.json());
app.use(session({ secret: "replace-me", resave: false, saveUninitialized: false }));

function remember(req, key, value) {
  req.session[key] = value;
}

app.post("/accounts/choose", (req, res) => {
  const accountId = parseInt(req.body.accountId, 10);
  if (Number.isNaN(accountId)) return res.sendStatus(400);
  remember(req, "accountId", accountId);
  res.json({ account: req.session.accountId });
});

app.listen(3000);
