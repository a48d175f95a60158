const Koa = require("koa");

const app = new Koa();

app.use(async (ctx) => {
  const loggedIn = Boolean(ctx.query.user);
  ctx.type = "html";
  ctx.body = loggedIn
    ? "<html><body><h2>Welcome back</h2></body></html>"
    : "<html><body><h2>Please sign in</h2></body></html>";
});

app.listen(3000);
