const express = require("express");
const mysql = require("mysql2");

const app = express();
const db = mysql.createPool({});

app.get("/users", (req, res) => {
  // ruleid: js-sql-injection
  db.query("SELECT * FROM users WHERE name = '" + req.query.name + "'", (err, rows) => res.json(rows));
});

app.get("/orders", async (req, res) => {
  const sql = `SELECT * FROM orders WHERE id = ${req.params.id}`;
  // ruleid: js-sql-injection
  const [rows] = await db.execute(sql);
  res.json(rows);
});

function findByEmail(knex, email) {
  // ruleid: js-sql-injection
  return knex.raw(`SELECT * FROM users WHERE email = '${email}'`);
}

async function search(prisma, term) {
  // ruleid: js-sql-injection
  return prisma.$queryRawUnsafe("SELECT * FROM posts WHERE title LIKE '%" + term + "%'");
}

app.get("/safe", (req, res) => {
  // ok: js-sql-injection
  db.query("SELECT * FROM users WHERE name = ?", [req.query.name], (err, rows) => res.json(rows));
});

async function safeTagged(prisma, term) {
  // ok: js-sql-injection
  return prisma.$queryRaw`SELECT * FROM posts WHERE title = ${term}`;
}

function safeLimit(db, n) {
  // ok: js-sql-injection
  return db.query("SELECT * FROM users LIMIT " + parseInt(n, 10));
}

function passthrough(db, sql, params) {
  // ok: js-sql-injection
  return db.query(sql, params);
}

const TABLE = "users";
function constant(db) {
  // ok: js-sql-injection
  return db.query("SELECT COUNT(*) FROM " + TABLE);
}
