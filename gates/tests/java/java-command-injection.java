import java.io.IOException;

public class Runner {
    public Process checkout(String ref) throws IOException {
        // ruleid: java-command-injection
        return Runtime.getRuntime().exec("git checkout " + ref);
    }

    public Process shell(String script) throws IOException {
        // ruleid: java-command-injection
        return new ProcessBuilder("sh", "-c", script).start();
    }

    public Process checkoutSafe(String ref) throws IOException {
        // ok: java-command-injection
        return new ProcessBuilder("git", "checkout", ref).start();
    }

    public Process arraySafe(String ref) throws IOException {
        // ok: java-command-injection
        return Runtime.getRuntime().exec(new String[] {"git", "checkout", ref});
    }

    public Process literal() throws IOException {
        // ok: java-command-injection
        return Runtime.getRuntime().exec("git status");
    }
}
