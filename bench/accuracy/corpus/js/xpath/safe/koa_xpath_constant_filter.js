const Koa = require("koa");
const fs = require("fs");
const xpath = require("xpath");
const { DOMParser } = require("@xmldom/xmldom");

const app = new Koa();
const catalog = new DOMParser().parseFromString(fs.readFileSync("catalog.xml", "utf8"), "text/xml");

app.use(async (ctx) => {
  const author = ctx.query.author;
  const books = xpath.select("//book[@featured='yes']", catalog);
  ctx.body = books
    .filter((b) => xpath.select1("string(author)", b) === author)
    .map((b) => xpath.select1("string(title)", b));
});

app.listen(3000);
