const Koa = require("koa");
const util = require("util");
const exec = util.promisify(require("child_process").exec);

const app = new Koa();
const DOMAINS = ["example.com", "example.org", "example.net"];

app.use(async (ctx) => {
  const domain = ctx.query.domain;
  if (!DOMAINS.includes(domain)) {
    ctx.status = 400;
    return;
  }
  const { stdout } = await exec("whois " + domain);
  ctx.type = "text/plain";
  ctx.body = stdout;
});

app.listen(3000);
