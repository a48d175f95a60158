import type { NextApiRequest, NextApiResponse } from "next";
import { createReadStream } from "fs";

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const parts = ["public", "avatars", String(req.query.user)];
  res.setHeader("Content-Type", "image/png");
  createReadStream(parts.join("/")).pipe(res);
}
