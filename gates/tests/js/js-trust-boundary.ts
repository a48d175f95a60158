import type { Request, Response } from "express";

export function remember(req: Request, res: Response): void {
  // ruleid: js-trust-boundary
  req.session.cart = req.body.cart;
  // ok: js-trust-boundary
  req.session.updated = Date.now();
  res.end();
}
