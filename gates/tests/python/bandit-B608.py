def find(cursor, name):
    # ruleid: bandit-B608
    cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)
    # ok: bandit-B608
    cursor.execute("SELECT * FROM users WHERE name = %s", (name,))
