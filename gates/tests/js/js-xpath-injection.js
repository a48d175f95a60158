const xpath = require("xpath");
const { DOMParser } = require("@xmldom/xmldom");

const doc = new DOMParser().parseFromString("<users/>", "text/xml");

app.get("/user", (req, res) => {
  // ruleid: js-xpath-injection
  const nodes = xpath.select("//user[name='" + req.query.name + "']", doc);
  const expr = `//user[@id='${req.params.id}']`;
  // ruleid: js-xpath-injection
  const one = xpath.select1(expr, doc);
  // ok: js-xpath-injection
  const all = xpath.select("//user", doc);
  // ok: js-xpath-injection
  const byId = xpath.select(`//user[@id=${parseInt(req.params.id, 10)}]`, doc);
  res.json([nodes.length, one, all.length, byId.length]);
});

function lookup(name, kind) {
  return [name, kind];
}

const selectNs = xpath.useNamespaces({ a: "urn:accounts" });

app.post("/ns", (req, res) => {
  // ok: js-xpath-injection
  res.json(lookup(req.body.name, req.body.kind));
  // ruleid: js-xpath-injection
  res.json(selectNs("//a:user[a:name='" + req.body.name + "']", doc));
});
