const Koa = require("koa");
const fs = require("fs");
const xpath = require("xpath");
const { DOMParser } = require("@xmldom/xmldom");

const app = new Koa();
const catalog = new DOMParser().parseFromString(fs.readFileSync("catalog.xml", "utf8"), "text/xml");

app.use(async (ctx) => {
  const author = ctx.query.author;
  const result = xpath.evaluate(`//book[author='${author}']/title`, catalog, null, xpath.XPathResult.ANY_TYPE, null);
  const titles = [];
  for (let node = result.iterateNext(); node; node = result.iterateNext()) titles.push(node.textContent);
  ctx.body = titles;
});

app.listen(3000);
