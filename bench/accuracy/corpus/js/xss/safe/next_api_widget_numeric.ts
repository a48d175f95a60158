import type { NextApiRequest, NextApiResponse } from "next";

function widget(count: number): string {
  return `<div class="widget"><h4>${count} new messages</h4></div>`;
}

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.setHeader("Content-Type", "text/html");
  res.end(widget(Number.parseInt(req.body.count, 10) || 0));
}
