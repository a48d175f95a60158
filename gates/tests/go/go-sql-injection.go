package store

import (
	"database/sql"
	"fmt"
	"net/http"
	"strconv"
)

func ByName(db *sql.DB, name string) (*sql.Rows, error) {
	// ruleid: go-sql-injection
	return db.Query("SELECT * FROM users WHERE name = '" + name + "'")
}

func ByID(db *sql.DB, w http.ResponseWriter, r *http.Request) {
	query := fmt.Sprintf("SELECT * FROM users WHERE id = %s", r.URL.Query().Get("id"))
	// ruleid: go-sql-injection
	rows, _ := db.QueryContext(r.Context(), query)
	defer rows.Close()
}

func ByNameSafe(db *sql.DB, name string) (*sql.Rows, error) {
	// ok: go-sql-injection
	return db.Query("SELECT * FROM users WHERE name = $1", name)
}

func Limit(db *sql.DB, n int) (*sql.Rows, error) {
	// ok: go-sql-injection
	return db.Query("SELECT * FROM users LIMIT " + strconv.Itoa(n))
}

func Run(db *sql.DB, query string, args ...any) (*sql.Rows, error) {
	// ok: go-sql-injection
	return db.Query(query, args...)
}
