package tradebook.live.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** E-mail over TLS against GreenMail: SMTPS ("ssl") and STARTTLS, with a login; its self-signed certificate is trusted only when told. */
class EmailTlsTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {ServerSetupTest.SMTPS.dynamicPort(), ServerSetupTest.SMTP.dynamicPort()});

    static Notice notice() {
        return new Notice(Notice.Kind.ERROR, "Tradebook: plan x error: test", "body");
    }

    @Test
    void smtpsWithLoginAndATrustedSelfSignedCertificate() throws Exception {
        mail.setUser("me@example.test", "tls-Known-Pw");
        new EmailNotifier(new EmailNotifier.Settings("127.0.0.1", mail.getSmtps().getPort(), "me@example.test", "tls-Known-Pw", null,
                "me@example.test", "ssl", 5000, "127.0.0.1")).send(notice());
        assertTrue(mail.waitForIncomingEmail(5000, 1));
        assertEquals("Tradebook: plan x error: test", mail.getReceivedMessages()[0].getSubject());
    }

    @Test
    void untrustedCertificateFailsWithTheServerNamed() {
        NotifyException e = assertThrows(NotifyException.class, () -> new EmailNotifier(new EmailNotifier.Settings("127.0.0.1",
                mail.getSmtps().getPort(), null, null, null, "me@example.test", "ssl", 5000, null)).send(notice()));
        assertTrue(e.getMessage().startsWith("e-mail: sending through 127.0.0.1:" + mail.getSmtps().getPort() + " (ssl)"), e.getMessage());
    }

    /** GreenMail's plain SMTP offers no STARTTLS: the default (starttls) refuses to send the password in clear text. */
    @Test
    void starttlsIsRequiredByDefaultNeverPlainText() throws Exception {
        mail.setUser("me@example.test", "tls-Known-Pw");
        NotifyException e = assertThrows(NotifyException.class, () -> new EmailNotifier(new EmailNotifier.Settings("127.0.0.1",
                mail.getSmtp().getPort(), "me@example.test", "tls-Known-Pw", null, "me@example.test", null, 5000, null)).send(notice()));
        assertTrue(e.getMessage().contains("(starttls)") && e.getMessage().contains("STARTTLS is required but host does not support STARTTLS"), e.getMessage());
        assertEquals(0, mail.getReceivedMessages().length, "nothing sent in clear text");
    }
}
