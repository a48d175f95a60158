import express, { Request, Response } from "express";
import session from "express-session";
import cookieParser from "cookie-parser";

const app = express();
app.use(cookieParser());
app.use(session({ secret: "replace-me", resave: false, saveUninitialized: false }));

app.get("/track", (req: Request, res: Response) => {
  const source: string = req.cookies.utm_source || "direct";
  (req.session as any).campaign = `campaign:${source}`;
  (req.session as any).verified = true;
  res.redirect("/");
});

app.listen(3000);
