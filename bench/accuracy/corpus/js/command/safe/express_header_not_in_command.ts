import express, { Request, Response } from "express";
import { appendFileSync } from "fs";
import { execSync } from "child_process";

const app = express();

function logAgent(agent: string): void {
  appendFileSync("/var/log/agents.log", agent + "\n");
  execSync("logger -t web visit");
}

app.get("/", (req: Request, res: Response) => {
  logAgent(req.headers["user-agent"] || "unknown");
  res.send("welcome");
});

app.listen(3000);
