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
  // ruleid: js-sql-injection-unproven
  return knex.raw(`SELECT * FROM users WHERE email = '${email}'`);
}

async function search(prisma, term) {
  // ruleid: js-sql-injection-unproven
  return prisma.$queryRawUnsafe("SELECT * FROM posts WHERE title LIKE '%" + term + "%'");
}

function byName(name) {
  return "SELECT * FROM users WHERE name = '" + name + "'";
}

app.get("/helper", (req, res) => {
  const q = byName(req.query.name);
  // ruleid: js-sql-injection
  db.query(q, (err, rows) => res.json(rows));
});

app.get("/container", (req, res) => {
  const filters = { name: req.body.name };
  // ruleid: js-sql-injection
  db.query(`SELECT * FROM users WHERE name = '${filters.name}'`, (err, rows) => res.json(rows));
});

const SORTS = { newest: "created_at DESC", oldest: "created_at ASC" };

app.get("/negatives", async (req, res) => {
  // ok: js-sql-injection
  await db.query("SELECT * FROM users LIMIT " + parseInt(req.query.n, 10));
  // ok: js-sql-injection
  await db.query("SELECT * FROM users ORDER BY " + SORTS[req.query.sort]);
  let name = req.query.name;
  name = "admin";
  // ok: js-sql-injection
  await db.query("SELECT * FROM users WHERE name = '" + name + "'");
  if (false) {
    // ok: js-sql-injection
    await db.query("SELECT * FROM users WHERE name = '" + req.query.name + "'");
  }
  // ok: js-sql-injection
  await db.query("SELECT * FROM users WHERE name = " + db.escape(req.query.name));
  res.end();
});

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
  // ok: js-sql-injection, js-sql-injection-unproven
  return db.query(sql, params);
}

const TABLE = "users";
function constant(db) {
  // ok: js-sql-injection
  return db.query("SELECT COUNT(*) FROM " + TABLE);
}

app.get("/by-tags", (req, res) => {
  const tags = String(req.query.tags || "").split(",");
  const marks = tags.map(() => "?").join(", ");
  // ok: js-sql-injection
  db.query("SELECT id FROM posts WHERE tag IN (" + marks + ")", tags, (err, rows) => res.json(rows));
  const numbered = tags.map((_, i) => `$${i + 1}`).join(", ");
  // ok: js-sql-injection
  db.query(`SELECT id FROM posts WHERE tag IN (${numbered})`, tags, (err, rows) => res.json(rows));
  const quoted = tags.map((t) => `'${t}'`).join(", ");
  // ruleid: js-sql-injection
  db.query(`SELECT id FROM posts WHERE tag IN (${quoted})`, (err, rows) => res.json(rows));
});
