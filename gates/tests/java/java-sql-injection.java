import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestParam;

public class UserDao {
    private Connection conn;

    public ResultSet byName(String name) throws Exception {
        Statement stmt = conn.createStatement();
        // ruleid: java-sql-injection
        return stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
    }

    public ResultSet search(HttpServletRequest request) throws Exception {
        String sql = String.format("SELECT * FROM users WHERE id = %s", request.getParameter("id"));
        // ruleid: java-sql-injection
        return conn.prepareStatement(sql).executeQuery();
    }

    public ResultSet find(@RequestParam("q") String q) throws Exception {
        // ruleid: java-sql-injection
        return conn.createStatement().executeQuery("SELECT * FROM posts WHERE title = '" + q + "'");
    }

    public ResultSet byNameSafe(String name) throws Exception {
        // ok: java-sql-injection
        var stmt = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
        stmt.setString(1, name);
        return stmt.executeQuery();
    }

    public ResultSet run(String sql) throws Exception {
        // ok: java-sql-injection
        return conn.createStatement().executeQuery(sql);
    }
}
