import express, { Request, Response } from "express";
import cookieParser from "cookie-parser";
import { readFile } from "fs/promises";

const app = express();
app.use(cookieParser());

app.get("/export", async (req: Request, res: Response) => {
  const settings = { format: "csv", file: req.cookies.lastExport || "latest.csv" };
  const data = await readFile(`/srv/exports/${settings.file}`, "utf8");
  res.type("text/csv").send(data);
});

app.listen(3000);
