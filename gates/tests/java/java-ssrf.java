import java.net.URL;
import java.net.URLEncoder;
import javax.servlet.http.HttpServletRequest;

public class Proxy {
    public Object fetch(HttpServletRequest request) throws Exception {
        // ruleid: java-ssrf
        return new URL(request.getParameter("url")).openConnection().getContent();
    }

    public Object user(HttpServletRequest request) throws Exception {
        // ok: java-ssrf
        return new URL("https://api.example.com/users/" + URLEncoder.encode(request.getParameter("id"), "UTF-8")).getContent();
    }

    public Object client(String url) throws Exception {
        // ok: java-ssrf
        return new URL(url).getContent();
    }
}
