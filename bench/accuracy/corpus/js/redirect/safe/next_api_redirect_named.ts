import type { NextApiRequest, NextApiResponse } from "next";

const DESTINATIONS: Record<string, string> = {
  docs: "https://docs.example.com",
  status: "https://status.example.com",
};

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const key = String(req.query.to);
  if (!Object.prototype.hasOwnProperty.call(DESTINATIONS, key)) return res.status(404).end();
  res.redirect(302, DESTINATIONS[key]);
}
