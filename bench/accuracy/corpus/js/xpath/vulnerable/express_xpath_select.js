const express = require("express");
const fs = require("fs");
const xpath = require("xpath");
const { DOMParser } = require("@xmldom/xmldom");

const app = express();
const doc = new DOMParser().parseFromString(fs.readFileSync("users.xml", "utf8"), "text/xml");

app.get("/users/email", (req, res) => {
  const name = req.query.name;
  const nodes = xpath.select("/users/user[@name='" + name + "']/email/text()", doc);
  res.json(nodes.map((n) => n.nodeValue));
});

app.listen(3000);
