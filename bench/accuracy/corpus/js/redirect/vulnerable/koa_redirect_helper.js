const Koa = require("koa");
const Router = require("@koa/router");

const app = new Koa();
const router = new Router();

function continueTo(ctx, target) {
  ctx.redirect(target);
}

router.get("/logout", (ctx) => {
  ctx.cookies.set("sid", null);
  continueTo(ctx, ctx.query.returnTo);
});

app.use(router.routes());
app.listen(3000);
