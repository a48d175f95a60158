const Koa = require("koa");
const bodyParser = require("koa-bodyparser");
const vm = require("vm");

const app = new Koa();
app.use(bodyParser());

global.notify = function notify(target) {
  console.log("notify", target);
};

app.use(async (ctx) => {
  const { callback, delay } = ctx.request.body;
  setTimeout(() => vm.runInThisContext("notify(" + callback + ")"), Number(delay) || 1000);
  ctx.body = { scheduled: true };
});

app.listen(3000);
