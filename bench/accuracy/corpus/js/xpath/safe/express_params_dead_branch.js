const express = require("express");
const fs = require("fs");
const xpath = require("xpath");
const { DOMParser } = require("@xmldom/xmldom");

const app = express();
const employees = new DOMParser().parseFromString(fs.readFileSync("employees.xml", "utf8"), "text/xml");

app.get("/departments/:dept/head", (req, res) => {
  let dept = "engineering";
  if (7 * 18 > 200) {
    dept = req.params.dept;
  }
  const head = xpath.select1("//department[@id='" + dept + "']/head/text()", employees);
  res.json({ head: head ? head.nodeValue : null });
});

app.listen(3000);
