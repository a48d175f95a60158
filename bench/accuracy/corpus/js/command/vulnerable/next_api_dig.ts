import type { NextApiRequest, NextApiResponse } from "next";
import { exec } from "child_process";

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const record = String(req.query.record || "A");
  const domain = String(req.query.domain);
  exec("dig +short " + record + " " + domain, (err, stdout) => {
    res.status(err ? 500 : 200).send(stdout);
  });
}
