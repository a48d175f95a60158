const Koa = require("koa");

const app = new Koa();
const products = [
  { name: "lamp", price: 30, stock: 4 },
  { name: "desk", price: 220, stock: 0 },
];
const PREDICATES = {
  inStock: (p) => p.stock > 0,
  cheap: (p) => p.price < 50,
};

app.use(async (ctx) => {
  const predicate = PREDICATES[ctx.query.where] || (() => true);
  ctx.body = products.filter(predicate).map((p) => p.name);
});

app.listen(3000);
