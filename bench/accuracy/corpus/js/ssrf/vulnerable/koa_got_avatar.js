const Koa = require("koa");
const got = require("got");

const app = new Koa();

app.use(async (ctx) => {
  const { host, user } = ctx.query;
  const image = await got(`https://${host}/avatars/${user}.png`).buffer();
  ctx.type = "image/png";
  ctx.body = image;
});

app.listen(3000);
