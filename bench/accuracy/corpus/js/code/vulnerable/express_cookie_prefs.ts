import express, { Request, Response } from "express";
import cookieParser from "cookie-parser";

const app = express();
app.use(cookieParser());

app.get("/prefs", (req: Request, res: Response) => {
  const raw: string = req.cookies.prefs || "{}";
  const prefs = eval("(" + raw + ")");
  res.json({ theme: prefs.theme || "light" });
});

app.listen(3000);
