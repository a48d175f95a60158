const Koa = require("koa");
const fs = require("fs");
const path = require("path");

const app = new Koa();
const MEDIA = "/srv/media";

app.use(async (ctx) => {
  const id = parseInt(ctx.query.id, 10);
  ctx.type = "image/jpeg";
  ctx.body = fs.createReadStream(path.join(MEDIA, `${id}.jpg`));
});

app.listen(3000);
