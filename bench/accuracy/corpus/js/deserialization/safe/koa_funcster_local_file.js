const Koa = require("koa");
const fs = require("fs");
const funcster = require("funcster");

const app = new Koa();
const JOBS_FILE = "/srv/jobs/builtin.json";

app.use(async (ctx) => {
  const job = JSON.parse(fs.readFileSync(JOBS_FILE, "utf8"));
  const restored = funcster.deepDeserialize(job);
  ctx.body = { type: typeof restored, requested: ctx.query.name };
});

app.listen(3000);
