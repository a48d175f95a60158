import express, { Request, Response } from "express";
import nunjucks from "nunjucks";

const app = express();
app.use(express.json());

app.post("/notifications/preview", (req: Request, res: Response) => {
  const parts = { header: "<b>Notice</b>", body: req.body.body || "" };
  parts.body = "{{ now }}";
  const source = `${parts.header}<p>${parts.body}</p>`;
  res.send(nunjucks.renderString(source, { now: "today" }));
});

app.listen(3000);
