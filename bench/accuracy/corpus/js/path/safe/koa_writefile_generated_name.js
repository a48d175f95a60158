const Koa = require("koa");
const Router = require("@koa/router");
const bodyParser = require("koa-bodyparser");
const crypto = require("crypto");
const fs = require("fs");

const app = new Koa();
const router = new Router();
app.use(bodyParser());

router.post("/drafts", async (ctx) => {
  const name = crypto.randomUUID();
  await fs.promises.writeFile(`/srv/drafts/${name}.md`, ctx.request.body.content || "");
  ctx.status = 201;
  ctx.body = { name };
});

app.use(router.routes());
app.listen(3000);
