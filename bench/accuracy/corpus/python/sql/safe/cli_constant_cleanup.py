import sqlite3
import time

RETENTION_DAYS = 30


def main():
    table = "sessions"
    cutoff = int(time.time()) - RETENTION_DAYS * 86400
    conn = sqlite3.connect("app.db")
    conn.execute("DELETE FROM " + table + " WHERE last_seen < " + str(cutoff))
    conn.commit()
    print("old sessions removed")


if __name__ == "__main__":
    main()
