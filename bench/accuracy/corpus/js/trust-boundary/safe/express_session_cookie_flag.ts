import express, { Request, Response } from "express";
import session from "express-session";
import cookieParser from "cookie-parser";

const app = express();
app.use(cookieParser());
app.use(session({ secret: "replace-me", resave: false, saveUninitialized: false }));

app.get("/track", (req: Request, res: Response) => {
  const hasSource = Boolean(req.cookies.utm_source);
  (req.session as any).campaign = hasSource ? "campaign:tracked" : "campaign:direct";
  (req.session as any).verified = false;
  res.redirect("/");
});

app.listen(3000);
