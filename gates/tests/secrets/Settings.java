// Java syntax.
class Settings {
    // ruleid: secret-generic-assignment
    private static final String SIGNING_KEY = "Fx764foO7OvqUYNYrICuuZFa";
    // ok: secret-generic-assignment
    private static final String SIGNING_KEY_PROPERTY = "app.security.signingKey";
    // ok: secret-generic-assignment
    private final String password = System.getenv("DB_PASSWORD");
}
