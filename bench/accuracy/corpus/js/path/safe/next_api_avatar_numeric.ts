import type { NextApiRequest, NextApiResponse } from "next";
import { createReadStream } from "fs";

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const userId = Number.parseInt(String(req.query.user), 10);
  if (Number.isNaN(userId)) return res.status(400).end();
  const parts = ["public", "avatars", `${userId}.png`];
  res.setHeader("Content-Type", "image/png");
  createReadStream(parts.join("/")).pipe(res);
}
