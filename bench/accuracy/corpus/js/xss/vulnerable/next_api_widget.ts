import type { NextApiRequest, NextApiResponse } from "next";

function widget(title: string): string {
  return `<div class="widget"><h4>${title}</h4></div>`;
}

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.setHeader("Content-Type", "text/html");
  res.end(widget(req.body.title));
}
