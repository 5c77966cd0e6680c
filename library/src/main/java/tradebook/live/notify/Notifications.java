package tradebook.live.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import tradebook.live.LiveLog;
import tradebook.live.secret.Masker;

/**
 * Sends a notice to every configured channel. Each channel is optional; a channel that fails is
 * logged (masked) and skipped: a notification never fails the run that sends it.
 */
public final class Notifications {
    private static final Logger LOG = LiveLog.get(Notifications.class);
    private final List<Notifier> channels;

    public Notifications(List<Notifier> channels) {
        this.channels = List.copyOf(channels);
    }

    public static Notifications none() {
        return new Notifications(List.of());
    }

    public List<Notifier> channels() {
        return channels;
    }

    /** Sends to all channels; returns one line per channel ("telegram: sent" / "email: failed: ..."). Never throws. */
    public List<String> send(Notice notice) {
        List<String> out = new ArrayList<>();
        for (Notifier n : channels) {
            try {
                n.send(notice);
                out.add(n.name() + ": sent");
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable t) {   // even a LinkageError from a mail jar must not end a run
                String why = Masker.describe(t);
                LOG.warning("notification '" + notice.title() + "' via " + n.name() + " failed: " + why);
                out.add(n.name() + ": failed: " + why);
            }
        }
        return out;
    }
}
