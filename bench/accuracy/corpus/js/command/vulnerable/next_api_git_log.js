import { execSync } from "child_process";

export default function handler(req, res) {
  const { branch } = req.query;
  const log = execSync(`git log --oneline -n 20 ${branch}`, { cwd: "/srv/repo" }).toString();
  res.status(200).json({ commits: log.trim().split("\n") });
}
