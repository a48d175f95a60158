import fs from "fs";
import path from "path";
import type { Request, Response } from "express";

const UPLOADS = "/srv/uploads";

export function remove(req: Request, res: Response): void {
  // ruleid: js-destructive-request-path
  fs.rmSync(path.join(UPLOADS, req.params.name), { recursive: true, force: true });
  res.end();
}

export async function removeAsync(req: Request, res: Response): Promise<void> {
  // ruleid: js-destructive-request-path
  await fs.promises.unlink(req.body.path);
  res.end();
}

export function removeSafe(req: Request, res: Response): void {
  // ok: js-destructive-request-path
  fs.unlinkSync(path.join(UPLOADS, path.basename(req.params.name)));
  res.end();
}

export function cleanup(dir: string): void {
  // ok: js-destructive-request-path
  fs.rmSync(dir, { recursive: true, force: true });
}
