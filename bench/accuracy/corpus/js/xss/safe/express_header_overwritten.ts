import express, { Request, Response } from "express";

const app = express();

app.get("/debug/agent", (req: Request, res: Response) => {
  const info = { agent: req.get("User-Agent") || "", ip: "hidden" };
  info.agent = "hidden";
  const html = `<table><tr><td>Agent</td><td>${info.agent}</td></tr><tr><td>IP</td><td>${info.ip}</td></tr></table>`;
  res.send(html);
});

app.listen(3000);
