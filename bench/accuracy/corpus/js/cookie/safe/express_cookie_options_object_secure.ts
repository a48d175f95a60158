import express, { Request, Response } from "express";

const app = express();
const COOKIE_OPTIONS = { httpOnly: true, secure: true, sameSite: "lax" as const };

app.post("/checkout", (req: Request, res: Response) => {
  res.cookie("checkout_session", String(req.query.cart), COOKIE_OPTIONS);
  res.send("checkout started");
});

app.listen(3000);
