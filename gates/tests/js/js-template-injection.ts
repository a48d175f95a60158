import ejs from "ejs";
import type { Request, Response } from "express";

export function preview(req: Request, res: Response): void {
  // ruleid: js-template-injection
  res.send(ejs.render(`<div>${req.body.intro}</div>`, { user: req.body.user }));
  // ok: js-template-injection
  res.send(ejs.render("<div><%= intro %></div>", { intro: req.body.intro }));
}
