import fs from "fs";
import path from "path";

const DOCS_ROOT = path.join(process.cwd(), "content");

export default function handler(req, res) {
  const { page } = req.query;
  const markdown = fs.readFileSync(path.join(DOCS_ROOT, page + ".md"), "utf8");
  res.status(200).json({ markdown });
}
