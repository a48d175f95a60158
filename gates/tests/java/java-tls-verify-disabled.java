import java.security.cert.X509Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509TrustManager;

public class TrustAll implements X509TrustManager {
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException();
    }

    // ruleid: java-tls-verify-disabled
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    static void install() {
        // ruleid: java-tls-verify-disabled
        HttpsURLConnection.setDefaultHostnameVerifier((hostname, session) -> true);
        // ok: java-tls-verify-disabled
        HttpsURLConnection.setDefaultHostnameVerifier((hostname, session) -> hostname.equals("api.example.com"));
    }
}
