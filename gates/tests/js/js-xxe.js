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

const ENTITY_PARSE = { noent: true, huge: true };
const PLAIN_PARSE = { noent: false, nonet: true };

app.post("/feeds", (req, res) => {
  // ruleid: js-xxe
  const feed = libxmljs.parseXmlString(req.body.feed, ENTITY_PARSE);
  // ok: js-xxe
  const plain = libxmljs.parseXmlString(req.body.feed, PLAIN_PARSE);
  res.json([feed.root().name(), plain.root().name()]);
});

const Koa = require("koa");
const rawBody = require("raw-body");
const koaApp = new Koa();

koaApp.use(async (ctx) => {
  const text = await rawBody(ctx.req, { encoding: "utf8" });
  // ruleid: js-xxe
  const doc = libxmljs.parseXml(text, { noent: true });
  ctx.body = { root: doc.root().name() };
});
