const Koa = require("koa");
const session = require("koa-session");

const app = new Koa();
app.keys = ["replace-me"];
app.use(session(app));

app.use(async (ctx) => {
  ctx.session.userId = ctx.get("X-User-Id");
  ctx.body = { user: ctx.session.userId };
});

app.listen(3000);
