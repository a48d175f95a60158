import type { Request, Response } from "express";
import validator from "validator";
import type Koa from "koa";

export function search(req: Request, res: Response): void {
  const q = String(req.query.q);
  // ruleid: js-xss
  res.send(`<p>Results for ${q}</p>`);
}

export function searchSafe(req: Request, res: Response): void {
  const q = validator.escape(String(req.query.q));
  // ok: js-xss
  res.send(`<p>Results for ${q}</p>`);
}

export async function koaPage(ctx: Koa.Context): Promise<void> {
  // ruleid: js-xss
  ctx.body = "<p>" + ctx.query.name + "</p>";
}
