import express, { Request, Response } from "express";
import { Pool } from "pg";

const app = express();
app.use(express.json());
const pool = new Pool();

app.post("/search", async (req: Request, res: Response) => {
  const filters: Record<string, string> = { city: req.body.city, kind: req.body.kind };
  const clauses: string[] = [];
  for (const [column, value] of Object.entries(filters)) {
    if (value) clauses.push(`${column} = '${value}'`);
  }
  const where = clauses.length ? clauses.join(" AND ") : "TRUE";
  const { rows } = await pool.query(`SELECT id, title FROM listings WHERE ${where}`);
  res.json(rows);
});

app.listen(3000);
