package tradebook.live.ib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebook.live.ib.IbException.Kind;

/** The gateway's self-signed certificate: refused by default, accepted when pinned (PEM) or explicitly trusted. */
class IbTlsTest {
    @TempDir static Path dir;
    static FakeGateway gw;
    static Path pem, otherPem;

    static Path keytool(String alias, Path store) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost, O=Interactive Brokers Gateway stand-in", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        Path out = dir.resolve(alias + ".pem");
        run(keytool, "-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(), "-storepass", "changeit", "-file", out.toString());
        return out;
    }

    static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
    }

    @BeforeAll
    static void start() throws Exception {
        Path store = dir.resolve("gateway.p12");
        pem = keytool("gateway", store);
        otherPem = keytool("other", dir.resolve("other.p12"));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        gw = new FakeGateway(tls);
    }

    @AfterAll
    static void stop() {
        if (gw != null) gw.close();
    }

    IbClient client(GatewayTrust t) {
        return new IbClient(IbConfig.of(gw.baseUrl(), t).withTimeout(Duration.ofSeconds(5)));
    }

    @Test
    void selfSignedCertificateIsRefusedByDefaultWithAHint() {
        assertTrue(gw.baseUrl().startsWith("https://127.0.0.1:"));
        IbException e = assertThrows(IbException.class, () -> client(GatewayTrust.system()).accounts());
        assertEquals(Kind.CERTIFICATE, e.kind());
        assertTrue(e.getMessage().contains("give its PEM file or opt in to trusting the gateway certificate"), e.getMessage());
    }

    @Test
    void pinnedPemIsTrusted() {
        assertEquals(List.of("DU1234567"), client(GatewayTrust.pem(pem)).accounts());
    }

    @Test
    void anotherPemIsNot() {
        IbException e = assertThrows(IbException.class, () -> client(GatewayTrust.pem(otherPem)).accounts());
        assertEquals(Kind.CERTIFICATE, e.kind());
    }

    @Test
    void optInTrustsTheGatewayCertificate() {
        assertTrue(client(GatewayTrust.trustGatewayCertificate()).authStatus().authenticated());
    }

    @Test
    void badPemFileIsNamed() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GatewayTrust.pem(junk));
        assertTrue(e.getMessage().contains(junk.toString()), e.getMessage());
    }
}
