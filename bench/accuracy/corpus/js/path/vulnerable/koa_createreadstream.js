const Koa = require("koa");
const fs = require("fs");
const path = require("path");

const app = new Koa();
const MEDIA = "/srv/media";

app.use(async (ctx) => {
  const file = ctx.query.name;
  ctx.type = path.extname(file);
  ctx.body = fs.createReadStream(path.join(MEDIA, file));
});

app.listen(3000);
