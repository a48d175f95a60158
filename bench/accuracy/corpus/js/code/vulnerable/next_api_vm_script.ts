import type { NextApiRequest, NextApiResponse } from "next";
import vm from "node:vm";

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const code = String(req.query.transform);
  const script = new vm.Script(`result = (${code})(input)`);
  const context = vm.createContext({ input: [3, 1, 2], result: null });
  script.runInContext(context);
  res.json({ result: context.result });
}
