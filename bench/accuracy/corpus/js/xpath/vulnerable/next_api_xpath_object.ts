import type { NextApiRequest, NextApiResponse } from "next";
import { readFileSync } from "fs";
import * as xpath from "xpath";
import { DOMParser } from "@xmldom/xmldom";

const settings = new DOMParser().parseFromString(readFileSync("settings.xml", "utf8"), "text/xml");

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const path = { section: String(req.body.section), key: String(req.body.key) };
  const expression = `/settings/${path.section}/${path.key}/text()`;
  const values = xpath.select(expression, settings as any) as Node[];
  res.json({ values: values.map((v) => v.nodeValue) });
}
