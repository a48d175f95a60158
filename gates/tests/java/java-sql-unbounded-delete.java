import java.sql.Connection;

public class Reset {
    void reset(Connection conn, long id) throws Exception {
        // ruleid: java-sql-unbounded-delete
        conn.createStatement().executeUpdate("DELETE FROM sessions");
        // ruleid: java-sql-unbounded-delete
        conn.createStatement().execute("DROP TABLE users");
        // ok: java-sql-unbounded-delete
        conn.prepareStatement("DELETE FROM sessions WHERE user_id = ?");
    }
}
