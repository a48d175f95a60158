const Koa = require("koa");
const getRawBody = require("raw-body");
const libxmljs = require("libxmljs2");

const app = new Koa();

function parseFeed(raw) {
  return libxmljs.parseXmlString(raw, { noent: true, dtdload: true });
}

app.use(async (ctx) => {
  const raw = await getRawBody(ctx.req, { encoding: "utf8" });
  const feed = parseFeed(raw);
  ctx.body = { items: feed.find("//item").length };
});

app.listen(3000);
