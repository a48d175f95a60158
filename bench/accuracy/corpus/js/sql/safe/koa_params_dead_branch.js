const Koa = require("koa");
const Router = require("@koa/router");
const mysql = require("mysql2/promise");

const app = new Koa();
const router = new Router();

router.get("/users/:name", async (ctx) => {
  const conn = await mysql.createConnection({ host: "localhost", user: "app", database: "app" });
  let name = "admin";
  if (7 * 18 > 200) {
    name = ctx.params.name;
  }
  const [rows] = await conn.execute("SELECT id, email FROM users WHERE name = '" + name + "'");
  ctx.body = rows;
});

app.use(router.routes());
app.listen(3000);
