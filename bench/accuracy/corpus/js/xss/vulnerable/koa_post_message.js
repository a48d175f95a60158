const Koa = require("koa");
const Router = require("@koa/router");
const bodyParser = require("koa-bodyparser");

const app = new Koa();
const router = new Router();
app.use(bodyParser());

router.post("/guestbook", (ctx) => {
  const entry = { author: ctx.request.body.author, text: ctx.request.body.text };
  ctx.type = "text/html";
  ctx.body = "<blockquote>" + entry.text + "</blockquote><cite>" + entry.author + "</cite>";
});

app.use(router.routes());
app.listen(3000);
