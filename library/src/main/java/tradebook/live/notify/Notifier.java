package tradebook.live.notify;

/** One channel (Telegram, e-mail). {@link #send} may throw; {@link Notifications} makes that harmless. */
public interface Notifier {
    /** e.g. {@code telegram}, {@code email} */
    String name();

    void send(Notice notice) throws Exception;
}
