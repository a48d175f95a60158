import type { NextApiRequest, NextApiResponse } from "next";
import { readFileSync } from "fs";
import * as xpath from "xpath";
import { DOMParser } from "@xmldom/xmldom";

const settings = new DOMParser().parseFromString(readFileSync("settings.xml", "utf8"), "text/xml");
const KEYS = new Set(["mail/host", "mail/port", "ui/theme"]);

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const requested = `${req.body.section}/${req.body.key}`;
  if (!KEYS.has(requested)) return res.status(404).end();
  const values = xpath.select(`/settings/${requested}/text()`, settings as any) as Node[];
  res.json({ values: values.map((v) => v.nodeValue) });
}
