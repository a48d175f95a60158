import java.util.logging.Logger;

public class Quiet {
    private static final Logger LOG = Logger.getLogger("quiet");

    void run() {
        try {
            risky();
            // ruleid: java-swallowed-exception
        } catch (Exception e) {}

        try {
            risky();
            // ruleid: java-swallowed-exception
        } catch (IllegalStateException | IllegalArgumentException e) {
            // ignored
        }

        try {
            risky();
            // ok: java-swallowed-exception
        } catch (Exception e) {
            LOG.warning("risky failed: " + e);
        }
    }

    void risky() {}
}
