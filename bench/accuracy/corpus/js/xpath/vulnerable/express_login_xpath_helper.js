const express = require("express");
const fs = require("fs");
const xpath = require("xpath");
const { DOMParser } = require("@xmldom/xmldom");

const app = express();
app.use(express.urlencoded({ extended: false }));
const accounts = new DOMParser().parseFromString(fs.readFileSync("/etc/app/accounts.xml", "utf8"), "text/xml");

function checkCredentials(user, password) {
  const query = `//account[username/text()='${user}' and password/text()='${password}']`;
  return xpath.select(query, accounts).length > 0;
}

app.post("/login", (req, res) => {
  res.json({ authenticated: checkCredentials(req.body.user, req.body.password) });
});

app.listen(3000);
