import type { NextApiRequest, NextApiResponse } from "next";

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const destination = String(req.query.to);
  res.redirect(302, destination);
}
