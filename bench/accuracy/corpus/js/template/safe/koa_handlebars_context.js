const Koa = require("koa");
const bodyParser = require("koa-bodyparser");
const Handlebars = require("handlebars");

const app = new Koa();
app.use(bodyParser());
const template = Handlebars.compile('<div class="email">{{layout}}</div>');

app.use(async (ctx) => {
  const { layout } = ctx.request.body;
  ctx.type = "html";
  ctx.body = template({ layout, customer: "Ana" });
});

app.listen(3000);
