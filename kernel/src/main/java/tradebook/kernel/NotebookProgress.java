package tradebook.kernel;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import tradebook.backtest.Optimization;
import tradebook.display.Displayable;

/**
 * An optimization's progress as a bar in the cell's output (instead of a red stderr line):
 * shown once the search has run for half a second, updated in place, and left at "done".
 * Optimization reports only from the cell's own thread, so this writes where the cell writes.
 */
final class NotebookProgress implements Optimization.Progress {
    private Display.Handle handle;

    /** Makes every optimization in this kernel report here unless it has a listener of its own. */
    static void install() {
        Optimization.defaultProgress(NotebookProgress::new);
    }

    @Override public void update(int done, int total, Duration elapsed) {
        double secs = elapsed.toNanos() / 1e9;
        boolean end = done >= total;
        if (handle == null && secs < .5) return;
        Bar bar = new Bar(done, total, secs);
        if (handle == null) handle = Display.display(bar);
        else Display.updateDisplay(handle, bar);
    }

    /** One state of the bar, as HTML and text. */
    record Bar(int done, int total, double secs) implements Displayable {
        String text() {
            boolean end = done >= total;
            String eta = done > 0 && !end ? String.format(Locale.ROOT, ", ~%.1fs left", secs * (total - done) / done) : "";
            return String.format(Locale.ROOT, "optimize %d/%d %.1fs%s%s", done, total, secs, eta, end ? " (done)" : "");
        }

        @Override public Map<String, String> toMimeBundle() {
            String html = String.format(Locale.ROOT, "<div class=\"tradebook-progress\"><progress value=\"%d\" max=\"%d\" style=\"width:300px\"></progress> "
                    + "<span style=\"font-family:monospace\">%s</span></div>", done, Math.max(1, total), text());
            return Map.of("text/plain", text(), "text/html", html);
        }
    }
}
