import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.http.HttpServletRequest;

public class Downloads {
    private static final String UPLOADS = "/srv/uploads";

    public byte[] read(HttpServletRequest request) throws Exception {
        // ruleid: java-path-traversal
        return Files.readAllBytes(Paths.get(UPLOADS, request.getParameter("name")));
    }

    public File file(HttpServletRequest request) {
        // ruleid: java-path-traversal
        return new File(UPLOADS + "/" + request.getParameter("name"));
    }

    public byte[] readSafe(HttpServletRequest request) throws Exception {
        Path name = Paths.get("x").resolveSibling("y");
        // ok: java-path-traversal
        return Files.readAllBytes(Paths.get(UPLOADS).resolve(Paths.get(request.getParameter("name")).getFileName().toString()));
    }

    public File load(String path) {
        // ok: java-path-traversal
        return new File(path);
    }
}
