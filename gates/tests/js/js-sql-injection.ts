import { Pool } from "pg";
import type { Request, Response } from "express";
import type { NextApiRequest, NextApiResponse } from "next";

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

export default async function handler(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  const where = ["name = '" + req.query.name + "'"];
  // ruleid: js-sql-injection
  const result = await pool.query("SELECT * FROM users WHERE " + where.join(" AND "));
  const id = Number(req.query.id);
  // ok: js-sql-injection
  await pool.query("SELECT * FROM users WHERE id = " + id);
  res.json(result.rows);
}

export async function report(): Promise<void> {
  const table = process.argv[2];
  // ruleid: js-sql-injection
  await pool.query(`SELECT COUNT(*) FROM ${table}`);
}
