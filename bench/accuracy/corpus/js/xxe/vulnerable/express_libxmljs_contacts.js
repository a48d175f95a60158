const express = require("express");
const libxmljs = require("libxmljs");

const app = express();
app.use(express.raw({ type: "*/xml" }));

app.post("/contacts/import", (req, res) => {
  const xml = req.body.toString("utf8");
  const doc = libxmljs.parseXmlString(xml, { noent: true, noblanks: true });
  const names = doc.find("//contact/name").map((n) => n.text());
  res.json({ contacts: names });
});

app.listen(3000);
