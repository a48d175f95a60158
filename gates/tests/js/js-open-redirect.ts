import Router from "@koa/router";

const router = new Router();

router.get("/out", async (ctx) => {
  // ruleid: js-open-redirect
  ctx.redirect(String(ctx.query.url));
});

router.get("/in", async (ctx) => {
  // ok: js-open-redirect
  ctx.redirect(`/articles/${encodeURIComponent(String(ctx.query.slug))}`);
});
