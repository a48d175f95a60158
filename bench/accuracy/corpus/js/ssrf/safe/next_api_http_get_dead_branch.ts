import type { NextApiRequest, NextApiResponse } from "next";
import http from "http";

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  let target = "internal-status.example.com";
  if (7 * 18 > 200) {
    target = String(req.query.target);
  }
  http.get("http://" + target + "/status", (upstream) => {
    let body = "";
    upstream.on("data", (chunk) => (body += chunk));
    upstream.on("end", () => res.status(200).send(body));
  });
}
