import type { NextApiRequest, NextApiResponse } from "next";
import serialize from "node-serialize";

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const state = { blob: String(req.body.state), version: 2 };
  const restored = serialize.unserialize(state.blob);
  res.status(200).json({ restored: Object.keys(restored) });
}
