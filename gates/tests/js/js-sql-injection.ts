import { Pool } from "pg";
import type { Request, Response } from "express";

const pool = new Pool();

export async function getUser(req: Request, res: Response): Promise<void> {
  // ruleid: js-sql-injection
  const result = await pool.query(`SELECT * FROM users WHERE id = ${req.params.id}`);
  res.json(result.rows);
}

export async function getUserSafe(req: Request, res: Response): Promise<void> {
  // ok: js-sql-injection
  const result = await pool.query("SELECT * FROM users WHERE id = $1", [req.params.id]);
  res.json(result.rows);
}
