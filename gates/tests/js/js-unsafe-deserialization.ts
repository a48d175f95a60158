import * as serialize from "node-serialize";
import type { Request, Response } from "express";

export function load(req: Request, res: Response): void {
  const state = { blob: req.body.state };
  // ruleid: js-unsafe-deserialization
  res.json(serialize.unserialize(state.blob));
  // ok: js-unsafe-deserialization
  res.json(JSON.parse(req.body.state));
}
