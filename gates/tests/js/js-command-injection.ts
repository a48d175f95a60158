import { execSync, execFileSync } from "child_process";
import type { Request, Response } from "express";

export function checkout(branch: string): string {
  // ruleid: js-command-injection-unproven
  return execSync("git checkout " + branch).toString();
}

export function status(): string {
  // ok: js-command-injection, js-command-injection-unproven
  return execSync("git status --short").toString();
}

export function grep(req: Request, res: Response): void {
  const args = [String(req.query.pattern)];
  // ruleid: js-command-injection
  res.send(execSync(`grep -r ${args[0]} /srv/docs`).toString("base64"));
}

export function cli(): void {
  const target = process.argv[2];
  // ruleid: js-command-injection
  execSync("rm -rf " + target);
}

export function safeGrep(req: Request, res: Response): void {
  // ok: js-command-injection
  res.send(execFileSync("grep", ["-r", String(req.query.pattern), "/srv/docs"]).toString("base64"));
}
