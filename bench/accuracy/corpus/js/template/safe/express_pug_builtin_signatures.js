const express = require("express");
const pug = require("pug");

const app = express();
app.use(express.urlencoded({ extended: false }));
const SIGNATURES = {
  short: "p= user.name",
  full: "p #{user.name}, #{user.title}",
};

function renderSignature(source, user) {
  return pug.compile(source)({ user });
}

app.post("/settings/signature", (req, res) => {
  const user = { name: "Ana", title: "Editor" };
  const choice = SIGNATURES[req.body.signature] ? req.body.signature : "short";
  res.send(renderSignature(SIGNATURES[choice], user));
});

app.listen(3000);
