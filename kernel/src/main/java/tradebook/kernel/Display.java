package tradebook.kernel;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * Functions a cell calls to show things: {@code display(obj)}, {@code display(obj, "text/html")},
 * {@code updateDisplay(id, obj)}. Statically imported in the kernel and in {@code ./tradebook jshell};
 * outside a notebook they print the text form.
 */
public final class Display {
    /** Where bundles go; the kernel installs one. */
    public interface Sink {
        void show(Map<String, String> bundle, String displayId, boolean update);

        void clear(boolean wait);
    }

    private static volatile Sink sink;

    private Display() {}

    static void setSink(Sink s) {
        sink = s;
    }

    /**
     * What {@code display} returns: the display's id, to update it later. A cell that ends with
     * {@code display(x)} shows {@code x} once, not this handle as well.
     */
    public record Handle(String id) {
        public void update(Object o) {
            updateDisplay(id, o);
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** Shows {@code o} with every representation it has. */
    public static Handle display(Object o) {
        return new Handle(show(Renderer.render(o), null, false));
    }

    /** Shows only the given mime types of {@code o}, e.g. {@code display(stats, "text/html")}. */
    public static Handle display(Object o, String... mimeTypes) {
        return new Handle(show(Renderer.renderOnly(o, Arrays.asList(mimeTypes)), null, false));
    }

    public static void updateDisplay(Handle h, Object o) {
        updateDisplay(h.id(), o);
    }

    /** Replaces what an earlier {@code display} call showed. */
    public static void updateDisplay(String displayId, Object o) {
        show(Renderer.render(o), displayId, true);
    }

    public static void updateDisplay(String displayId, Object o, String... mimeTypes) {
        show(Renderer.renderOnly(o, Arrays.asList(mimeTypes)), displayId, true);
    }

    /** Clears the cell's output now. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /** Clears the cell's output; with {@code wait}, only when new output arrives (no flicker in loops). */
    public static void clearOutput(boolean wait) {
        Sink s = sink;
        if (s != null) s.clear(wait);
    }

    private static String show(Map<String, String> bundle, String id, boolean update) {
        String displayId = id != null ? id : UUID.randomUUID().toString();
        Sink s = sink;
        if (s != null) s.show(bundle, displayId, update);
        else System.out.println(bundle.get("text/plain"));
        return displayId;
    }
}
