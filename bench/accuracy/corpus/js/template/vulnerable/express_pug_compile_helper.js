const express = require("express");
const pug = require("pug");

const app = express();
app.use(express.urlencoded({ extended: false }));

function renderSignature(source, user) {
  return pug.compile(source)({ user });
}

app.post("/settings/signature", (req, res) => {
  const user = { name: "Ana", title: "Editor" };
  res.send(renderSignature(req.body.signature, user));
});

app.listen(3000);
