async function reset(db, table) {
  // ruleid: js-sql-unbounded-delete
  await db.query("DELETE FROM sessions");
  // ruleid: js-sql-unbounded-delete
  await db.query(`DROP TABLE users`);
  // ruleid: js-sql-unbounded-delete
  await db.query('TRUNCATE audit_log');
  // ok: js-sql-unbounded-delete
  await db.query("DELETE FROM sessions WHERE user_id = $1", [table]);
  // ok: js-sql-unbounded-delete
  await db.query("SELECT * FROM users");
  // ruleid: js-sql-unbounded-delete
  await db.query("delete from sessions");
  // ok: js-sql-unbounded-delete
  const label = "Truncate text";
  // ok: js-sql-unbounded-delete
  logger.info("Delete from cache");
  // ok: js-sql-unbounded-delete
  await db.query("DELETE FROM sessions " + where);
  return label;
}
