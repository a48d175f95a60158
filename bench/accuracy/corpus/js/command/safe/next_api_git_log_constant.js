import { execSync } from "child_process";

const DEFAULT_BRANCH = "main";

export default function handler(req, res) {
  const limit = Math.min(Number(req.query.limit) || 20, 100);
  const log = execSync(`git log --oneline -n ${limit} ${DEFAULT_BRANCH}`, { cwd: "/srv/repo" }).toString();
  res.status(200).json({ commits: log.trim().split("\n") });
}
