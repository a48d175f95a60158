const Koa = require("koa");
const Router = require("@koa/router");
const knex = require("knex")({ client: "pg", connection: process.env.DATABASE_URL });

const app = new Koa();
const router = new Router();

router.get("/reports", async (ctx) => {
  const region = ctx.query.region;
  const rows = await knex.raw(`SELECT region, SUM(amount) AS total FROM sales WHERE region = '${region}' GROUP BY region`);
  ctx.body = rows.rows;
});

app.use(router.routes());
app.listen(3000);
