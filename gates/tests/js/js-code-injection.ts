import vm from "node:vm";
import type { Request, Response } from "express";

export function run(req: Request, res: Response): void {
  const source: string = String(req.body.source);
  // ruleid: js-code-injection
  vm.runInThisContext(source);
  // ruleid: js-code-injection
  res.json(eval(`(${req.query.expr})`));
}

export function safe(req: Request, res: Response): void {
  const allowed = ["a", "b"];
  const name = String(req.query.name);
  if (!allowed.includes(name)) {
    res.status(400).end();
    return;
  }
  // ok: js-code-injection
  res.json(eval(name));
}
