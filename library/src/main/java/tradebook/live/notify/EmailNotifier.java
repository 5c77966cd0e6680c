package tradebook.live.notify;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import tradebook.live.secret.Masker;

/**
 * E-mail over SMTP (Jakarta Mail). STARTTLS is required unless turned off (a local relay or a
 * test server); the password comes from the secret store and is registered with the masker.
 */
public final class EmailNotifier implements Notifier {
    /**
     * @param security {@code starttls} (default), {@code ssl} (SMTPS, port 465) or {@code none}
     */
    /**
     * @param trust    hosts whose certificate is trusted without a CA (Jakarta Mail's {@code ssl.trust}, e.g. a
     *                 self-signed relay); null: the JDK's trust store
     */
    public record Settings(String host, int port, String user, String password, String from, String to, String security, int timeoutMs, String trust) {
        public Settings {
            if (host == null || host.isBlank()) throw new IllegalArgumentException("e-mail: the SMTP host is empty (setting smtp.host)");
            if (port <= 0 || port > 65535) throw new IllegalArgumentException("e-mail: bad SMTP port " + port + " (setting smtp.port)");
            if (to == null || to.isBlank()) throw new IllegalArgumentException("e-mail: no recipient (setting smtp.to)");
            if (from == null || from.isBlank()) from = user != null && user.contains("@") ? user : "tradebook@localhost";
            if (security == null || security.isBlank()) security = "starttls";
            if (!security.equals("starttls") && !security.equals("ssl") && !security.equals("none")) {
                throw new IllegalArgumentException("e-mail: smtp.security must be starttls, ssl or none, not '" + security + "'");
            }
            if (timeoutMs <= 0) timeoutMs = 15_000;
        }
    }

    private final Settings s;
    private final InternetAddress from;
    private final InternetAddress[] to;

    public EmailNotifier(Settings s) {
        this.s = s;
        if (s.password() != null) Masker.register(s.password());
        try {
            this.from = new InternetAddress(s.from(), true);
            this.to = InternetAddress.parse(s.to(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("e-mail: bad address in smtp.from/smtp.to: " + e.getMessage(), e);
        }
    }

    @Override public String name() {
        return "email";
    }

    @Override public void send(Notice notice) throws NotifyException {
        Properties p = new Properties();
        String proto = s.security().equals("ssl") ? "smtps" : "smtp";
        p.put("mail.transport.protocol", proto);
        p.put("mail." + proto + ".host", s.host());
        p.put("mail." + proto + ".port", String.valueOf(s.port()));
        p.put("mail." + proto + ".auth", String.valueOf(s.user() != null && !s.user().isBlank()));
        p.put("mail." + proto + ".connectiontimeout", String.valueOf(s.timeoutMs()));
        p.put("mail." + proto + ".timeout", String.valueOf(s.timeoutMs()));
        p.put("mail." + proto + ".writetimeout", String.valueOf(s.timeoutMs()));
        if (s.trust() != null && !s.trust().isBlank()) {
            // trusting a named host's certificate outright (a self-signed relay): its name is then not checked either
            p.put("mail." + proto + ".ssl.trust", s.trust());
            p.put("mail." + proto + ".ssl.checkserveridentity", "false");
        }
        if (s.security().equals("starttls")) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        Session session = Session.getInstance(p);
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(from);
            m.setRecipients(Message.RecipientType.TO, to);
            m.setSubject(Masker.mask(notice.title()), "UTF-8");
            m.setText(Masker.mask(notice.text()), "UTF-8");
            m.setSentDate(new Date());
            try (Transport t = session.getTransport(proto)) {
                if (s.user() != null && !s.user().isBlank()) t.connect(s.host(), s.port(), s.user(), s.password());
                else t.connect();
                t.sendMessage(m, m.getAllRecipients());
            }
        } catch (MessagingException e) {
            throw new NotifyException("e-mail: sending through " + s.host() + ":" + s.port() + " (" + s.security() + ") as "
                    + (s.user() == null ? "anonymous" : s.user()) + " failed: " + Masker.describe(e), e);
        }
    }
}
