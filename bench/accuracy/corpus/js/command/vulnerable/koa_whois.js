const Koa = require("koa");
const util = require("util");
const exec = util.promisify(require("child_process").exec);

const app = new Koa();

app.use(async (ctx) => {
  const domain = ctx.query.domain;
  const { stdout } = await exec("whois " + domain);
  ctx.type = "text/plain";
  ctx.body = stdout;
});

app.listen(3000);
