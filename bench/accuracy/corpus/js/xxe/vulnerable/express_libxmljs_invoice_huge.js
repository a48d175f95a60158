const express = require("express");
const libxmljs = require("libxmljs");

const app = express();
app.use(express.text({ type: "text/xml" }));

app.post("/invoices/validate", (req, res) => {
  const xsd = libxmljs.parseXml(require("fs").readFileSync("invoice.xsd", "utf8"));
  const invoice = libxmljs.parseXml(req.body, { noent: true, huge: true });
  res.json({ valid: invoice.validate(xsd) });
});

app.listen(3000);
