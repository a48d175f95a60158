const Koa = require("koa");
const bodyParser = require("koa-bodyparser");
const funcster = require("funcster");

const app = new Koa();
app.use(bodyParser());

app.use(async (ctx) => {
  const job = ctx.request.body;
  const restored = funcster.deepDeserialize(job);
  ctx.body = { type: typeof restored };
});

app.listen(3000);
