import { execSync } from "child_process";

export function checkout(branch: string): string {
  // ruleid: js-command-injection
  return execSync("git checkout " + branch).toString();
}

export function status(): string {
  // ok: js-command-injection
  return execSync("git status --short").toString();
}
