import fs from "fs";
import path from "path";

const DOCS_ROOT = path.join(process.cwd(), "content");
const PAGES = ["intro", "install", "faq"];

export default function handler(req, res) {
  const { page } = req.query;
  if (!PAGES.includes(page)) return res.status(404).end();
  const markdown = fs.readFileSync(path.join(DOCS_ROOT, page + ".md"), "utf8");
  res.status(200).json({ markdown });
}
