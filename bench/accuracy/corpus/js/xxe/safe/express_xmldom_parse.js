const express = require("express");
const { DOMParser } = require("@xmldom/xmldom");

const app = express();
app.use(express.text({ type: "text/xml" }));

app.post("/invoices/validate", (req, res) => {
  const invoice = new DOMParser().parseFromString(req.body, "text/xml");
  const total = invoice.getElementsByTagName("total")[0];
  res.json({ valid: Boolean(total && total.textContent) });
});

app.listen(3000);
