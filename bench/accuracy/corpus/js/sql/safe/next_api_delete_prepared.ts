import type { NextApiRequest, NextApiResponse } from "next";
import Database from "better-sqlite3";

const db = new Database("app.db");

function deleteDraft(slug: string) {
  return db.prepare("DELETE FROM drafts WHERE slug = ?").run(slug);
}

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const info = deleteDraft(req.body.slug);
  res.status(200).json({ deleted: info.changes });
}
