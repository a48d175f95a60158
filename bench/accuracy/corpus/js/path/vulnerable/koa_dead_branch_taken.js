const Koa = require("koa");
const fs = require("fs");

const app = new Koa();

app.use(async (ctx) => {
  let logFile = "access.log";
  if (7 * 18 > 100) {
    logFile = ctx.query.log;
  }
  ctx.body = fs.readFileSync("/var/log/app/" + logFile, "utf8");
});

app.listen(3000);
