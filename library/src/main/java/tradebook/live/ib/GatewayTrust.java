package tradebook.live.ib;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * How to trust the TLS certificate of the Client Portal gateway. The gateway ships with a
 * self-signed certificate, which the JDK's trust store rejects; the user chooses explicitly:
 * <ul>
 * <li>{@link #system()}: the JDK's trust store (a gateway given a properly issued certificate);</li>
 * <li>{@link #pem(Path)}: only the certificate(s) in a PEM file (e.g. the gateway's own, exported
 *     once): pinning, so the host name is not checked — the gateway's certificate names none we use;</li>
 * <li>{@link #trustGatewayCertificate()}: any certificate (opt-in; the gateway normally runs on
 *     this machine and is reached over loopback).</li>
 * </ul>
 */
public final class GatewayTrust {
    private final String description;
    private final SSLContext context;

    private GatewayTrust(String description, SSLContext context) {
        this.description = description;
        this.context = context;
    }

    public static GatewayTrust system() {
        try {
            return new GatewayTrust("the JDK's trust store", SSLContext.getDefault());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no default TLS context: " + e.getMessage(), e);
        }
    }

    public static GatewayTrust trustGatewayCertificate() {
        return new GatewayTrust("any certificate (trust gateway certificate)", context(new Pinned(null)));
    }

    public static GatewayTrust pem(Path pemFile) {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(pemFile)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the gateway certificate file " + pemFile + ": " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the gateway certificate file " + pemFile + " is not a PEM certificate: " + e.getMessage(), e);
        }
        if (certs.isEmpty()) throw new IllegalArgumentException("the gateway certificate file " + pemFile + " holds no certificate");
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) ks.setCertificateEntry("gateway" + i++, c);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            X509TrustManager tm = null;
            for (TrustManager t : tmf.getTrustManagers()) if (t instanceof X509TrustManager) tm = (X509TrustManager) t;
            return new GatewayTrust("the certificate in " + pemFile, context(new Pinned(tm)));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use the certificate in " + pemFile + ": " + e.getMessage(), e);
        }
    }

    private static SSLContext context(TrustManager tm) {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {tm}, null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    public SSLContext sslContext() {
        return context;
    }

    @Override public String toString() {
        return description;
    }

    /**
     * Checks the chain against the pinned certificates only (delegate null: accepts any). Being an
     * X509ExtendedTrustManager, the JDK leaves the host-name check to it, which pinning makes moot.
     */
    private static final class Pinned extends X509ExtendedTrustManager {
        private final X509TrustManager delegate;

        Pinned(X509TrustManager delegate) {
            this.delegate = delegate;
        }

        private void check(X509Certificate[] chain, String authType) throws CertificateException {
            if (delegate != null) delegate.checkServerTrusted(chain, authType);
        }

        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, authType);
        }

        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket s) throws CertificateException {
            check(chain, authType);
        }

        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine e) throws CertificateException {
            check(chain, authType);
        }

        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not checked here");
        }

        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket s) throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine e) throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override public X509Certificate[] getAcceptedIssuers() {
            return delegate == null ? new X509Certificate[0] : delegate.getAcceptedIssuers();
        }
    }
}
