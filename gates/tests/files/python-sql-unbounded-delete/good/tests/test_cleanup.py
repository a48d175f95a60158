def test_cleanup(cursor):
    cursor.execute("DELETE FROM sessions")
    cursor.execute("DROP TABLE IF EXISTS scratch")
