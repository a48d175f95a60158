const Koa = require("koa");
const bodyParser = require("koa-bodyparser");
const { execFileSync } = require("child_process");

const app = new Koa();
app.use(bodyParser());

app.use(async (ctx) => {
  const files = ctx.request.body.files || [];
  const args = ["-9", "--"];
  for (const file of files) args.push(file);
  execFileSync("gzip", args);
  ctx.body = { compressed: files.length };
});

app.listen(3000);
