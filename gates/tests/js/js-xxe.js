const libxmljs = require("libxmljs");

app.post("/import", (req, res) => {
  // ruleid: js-xxe
  const doc = libxmljs.parseXml(req.body.xml, { noent: true });
  const xml = req.body.toString();
  // ruleid: js-xxe
  const doc2 = libxmljs.parseXmlString(xml, { noent: true, noblanks: true });
  // ok: js-xxe
  const safe = libxmljs.parseXml(req.body.xml);
  // ok: js-xxe
  const safe2 = libxmljs.parseXml(req.body.xml, { noent: false });
  // ok: js-xxe
  const local = libxmljs.parseXml("<a/>", { noent: true });
  res.json([doc.root().name(), doc2, safe, safe2, local]);
});

function parseFile(text) {
  // ruleid: js-xxe-unproven
  return libxmljs.parseXml(text, { noent: true });
}

function parseFileSafe(text) {
  // ok: js-xxe-unproven
  return libxmljs.parseXml(text);
}
