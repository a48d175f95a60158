const Koa = require("koa");
const Router = require("@koa/router");
const bodyParser = require("koa-bodyparser");
const fs = require("fs");

const app = new Koa();
const router = new Router();
app.use(bodyParser());

router.put("/drafts/:name", async (ctx) => {
  const dest = `/srv/drafts/${ctx.params.name}.md`;
  await fs.promises.writeFile(dest, ctx.request.body.content || "");
  ctx.status = 201;
});

app.use(router.routes());
app.listen(3000);
