package store

import "database/sql"

func Reset(db *sql.DB, id int) {
	// ruleid: go-sql-unbounded-delete
	db.Exec("DELETE FROM sessions")
	// ruleid: go-sql-unbounded-delete
	db.Exec(`DROP TABLE users`)
	// ok: go-sql-unbounded-delete
	db.Exec("DELETE FROM sessions WHERE user_id = $1", id)
}
