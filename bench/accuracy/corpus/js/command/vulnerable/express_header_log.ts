import express, { Request, Response } from "express";
import { execSync } from "child_process";

const app = express();

function logAgent(agent: string): void {
  execSync("echo " + agent + " >> /var/log/agents.log");
}

app.get("/", (req: Request, res: Response) => {
  logAgent(req.headers["user-agent"] || "unknown");
  res.send("welcome");
});

app.listen(3000);
