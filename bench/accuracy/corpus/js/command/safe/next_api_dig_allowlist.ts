import type { NextApiRequest, NextApiResponse } from "next";
import { exec } from "child_process";

const RECORDS = new Set(["A", "AAAA", "MX", "TXT"]);

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const record = String(req.query.record || "A");
  if (!RECORDS.has(record)) {
    return res.status(400).send("unsupported record");
  }
  exec("dig +short " + record + " example.org", (err, stdout) => {
    res.status(err ? 500 : 200).send(stdout);
  });
}
