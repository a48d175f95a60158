import type { NextApiRequest, NextApiResponse } from "next";
import vm from "node:vm";

const TRANSFORMS: Record<string, string> = {
  sort: "(xs) => [...xs].sort()",
  reverse: "(xs) => [...xs].reverse()",
};

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const name = String(req.query.transform);
  if (!(name in TRANSFORMS)) return res.status(400).end();
  const script = new vm.Script(`result = (${TRANSFORMS[name]})(input)`);
  const context = vm.createContext({ input: [3, 1, 2], result: null });
  script.runInContext(context);
  res.json({ result: context.result });
}
