const Koa = require("koa");

const app = new Koa();

app.use(async (ctx) => {
  const ticket = ctx.query.ticket;
  ctx.cookies.set("sessionid", ticket, { httpOnly: false, secure: false, maxAge: 3600000 });
  ctx.body = { loggedIn: true };
});

app.listen(3000);
