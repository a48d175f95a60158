import java.security.MessageDigest;

public class Digests {
    byte[] digest(byte[] data) throws Exception {
        // ruleid: java-weak-hash
        byte[] a = MessageDigest.getInstance("MD5").digest(data);
        // ruleid: java-weak-hash
        byte[] b = MessageDigest.getInstance("SHA-1").digest(data);
        // ok: java-weak-hash
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}
