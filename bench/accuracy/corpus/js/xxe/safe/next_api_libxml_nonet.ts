import type { NextApiRequest, NextApiResponse } from "next";
import libxmljs from "libxmljs";

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const options = { noent: false, nonet: true };
  const doc = libxmljs.parseXml(String(req.body), options);
  res.status(200).json({ root: doc.root()?.name() });
}
