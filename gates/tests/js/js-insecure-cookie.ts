import type { Response } from "express";

export function remember(res: Response, value: string): void {
  // ruleid: js-insecure-cookie
  res.cookie("remember", value, { secure: false, httpOnly: true });
  // ok: js-insecure-cookie
  res.cookie("remember", value, { secure: true, httpOnly: true });
}
