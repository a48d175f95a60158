const Koa = require("koa");
const bodyParser = require("koa-bodyparser");
const Handlebars = require("handlebars");

const app = new Koa();
app.use(bodyParser());

app.use(async (ctx) => {
  const { layout } = ctx.request.body;
  const template = Handlebars.compile(`<div class="email">${layout}</div>`);
  ctx.type = "html";
  ctx.body = template({ customer: "Ana" });
});

app.listen(3000);
