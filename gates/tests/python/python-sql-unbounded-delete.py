def purge(cursor, table):
    # ruleid: python-sql-unbounded-delete
    cursor.execute("DELETE FROM sessions")
    # ruleid: python-sql-unbounded-delete
    cursor.execute("DROP TABLE users")
    # ruleid: python-sql-unbounded-delete
    cursor.execute("TRUNCATE audit_log")
    # ruleid: python-sql-unbounded-delete
    cursor.execute("DELETE FROM %s;" % table)
    # ruleid: python-sql-unbounded-delete
    cursor.execute("""
        DROP DATABASE staging
    """)
    # ruleid: python-sql-unbounded-delete
    cursor.execute("delete from sessions")
    # ruleid: python-sql-unbounded-delete
    cursor.execute("DROP TABLE IF EXISTS users, groups CASCADE;")


def safe(cursor, user_id):
    # ok: python-sql-unbounded-delete
    cursor.execute("DELETE FROM sessions WHERE user_id = %s", (user_id,))
    # ok: python-sql-unbounded-delete
    cursor.execute("DELETE FROM sessions WHERE expires_at < now()")
    # ok: python-sql-unbounded-delete
    cursor.execute("SELECT * FROM users")
    # ok: python-sql-unbounded-delete
    message = "Truncated the output"
    # ok: python-sql-unbounded-delete
    status = "Truncate text that is longer than the width"
    # ok: python-sql-unbounded-delete
    policies = {"truncate.leeway": 5, "truncate": 10}
    # ok: python-sql-unbounded-delete
    log("Delete from cache")
    # ok: python-sql-unbounded-delete
    cursor.execute("DELETE FROM sessions " + where_clause(user_id))
    return message, status, policies


def trim(text):
    # ok: python-sql-unbounded-delete
    """Truncate text."""
    return text[:10]
