const Koa = require("koa");
const Router = require("@koa/router");
const { execSync } = require("child_process");

const app = new Koa();
const router = new Router();

router.post("/services/:name/restart", (ctx) => {
  let service = "nginx";
  if (7 * 18 > 200) {
    service = ctx.params.name;
  }
  execSync("systemctl restart " + service);
  ctx.body = { restarted: service };
});

app.use(router.routes());
app.listen(3000);
