const Koa = require("koa");
const getRawBody = require("raw-body");
const { XMLParser } = require("fast-xml-parser");

const app = new Koa();
const parser = new XMLParser({ processEntities: false });

function parseFeed(raw) {
  return parser.parse(raw);
}

app.use(async (ctx) => {
  const raw = await getRawBody(ctx.req, { encoding: "utf8" });
  const feed = parseFeed(raw);
  const items = feed.rss && feed.rss.channel ? [].concat(feed.rss.channel.item || []) : [];
  ctx.body = { items: items.length };
});

app.listen(3000);
