const Koa = require("koa");

const app = new Koa();

app.use(async (ctx) => {
  const user = ctx.query.user || "guest";
  ctx.type = "html";
  ctx.body = `<html><body><h2>Welcome back ${user}</h2></body></html>`;
});

app.listen(3000);
