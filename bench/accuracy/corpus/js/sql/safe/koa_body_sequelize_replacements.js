const Koa = require("koa");
const bodyParser = require("koa-bodyparser");
const { Sequelize } = require("sequelize");

const app = new Koa();
const sequelize = new Sequelize("sqlite:blog.db");
app.use(bodyParser());

app.use(async (ctx) => {
  const { author } = ctx.request.body;
  const [posts] = await sequelize.query("SELECT title FROM posts WHERE author = :author", {
    replacements: { author },
  });
  ctx.body = posts.map((p) => p.title);
});

app.listen(3000);
