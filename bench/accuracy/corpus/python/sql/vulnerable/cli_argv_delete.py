import sqlite3
import sys


def main():
    table = "sessions"
    user = sys.argv[1]
    conn = sqlite3.connect("app.db")
    conn.execute("DELETE FROM " + table + " WHERE user_name = '" + user + "'")
    conn.commit()
    print("removed sessions for", user)


if __name__ == "__main__":
    main()
