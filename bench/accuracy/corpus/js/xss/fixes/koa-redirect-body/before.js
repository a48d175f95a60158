const Koa = require("koa");
const escape = require("escape-html");

const app = new Koa();

function redirect(ctx, url, alt) {
  if (url === "back") url = ctx.get("Referrer") || alt || "/";
  ctx.set("Location", encodeURI(url));
  if (!ctx.status || ctx.status < 300 || ctx.status > 308) ctx.status = 302;
  if (ctx.accepts("html")) {
    url = escape(url);
    ctx.type = "text/html; charset=utf-8";
    ctx.body = `Redirecting to <a href="${url}">${url}</a>.`;
    return;
  }
  ctx.type = "text/plain; charset=utf-8";
  ctx.body = `Redirecting to ${url}.`;
}

app.use(async (ctx) => {
  if (ctx.path === "/continue") return redirect(ctx, ctx.query.to || "back", "/");
  ctx.body = "home";
});

app.listen(3000);
