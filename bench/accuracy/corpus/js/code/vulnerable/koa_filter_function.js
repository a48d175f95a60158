const Koa = require("koa");

const app = new Koa();
const products = [
  { name: "lamp", price: 30, stock: 4 },
  { name: "desk", price: 220, stock: 0 },
];

app.use(async (ctx) => {
  const condition = ctx.query.where || "true";
  const predicate = Function("p", `return (${condition});`);
  ctx.body = products.filter(predicate).map((p) => p.name);
});

app.listen(3000);
