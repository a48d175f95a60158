const Koa = require("koa");

const app = new Koa();

app.use(async (ctx) => {
  let expression = "2 * 21";
  if (7 * 18 > 200) {
    expression = ctx.query.expr;
  }
  ctx.body = { value: eval(expression) };
});

app.listen(3000);
