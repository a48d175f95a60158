import { promises as fsp } from "fs";
import * as fs from "fs";
import path from "path";
import type { Request, Response } from "express";

const ROOT = "/srv/files";

export async function show(req: Request, res: Response): Promise<void> {
  const name = String(req.query.name);
  // ruleid: js-path-traversal
  res.send(await fs.promises.readFile(path.join(ROOT, name), "utf8"));
}

export function serve(req: Request, res: Response): void {
  // ruleid: js-path-traversal
  res.download(path.join(ROOT, req.params.file));
}

export function serveSafe(req: Request, res: Response): void {
  // ok: js-path-traversal
  res.download(req.params.file, { root: ROOT });
}

export async function showSafe(req: Request, res: Response): Promise<void> {
  const name = path.basename(String(req.query.name));
  // ok: js-path-traversal
  res.json(await fsp.readFile(path.join(ROOT, name), "utf8"));
}
