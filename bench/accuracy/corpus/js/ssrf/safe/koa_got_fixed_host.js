const Koa = require("koa");
const got = require("got");

const app = new Koa();
const AVATAR_HOST = "avatars.example.com";

app.use(async (ctx) => {
  const userId = parseInt(ctx.query.user, 10);
  const image = await got(`https://${AVATAR_HOST}/avatars/${userId}.png`).buffer();
  ctx.type = "image/png";
  ctx.body = image;
});

app.listen(3000);
