package tradebook.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import tradebook.display.Displayable;

/**
 * The registry that turns objects into MIME bundles (mime type to content; images base64, JSON
 * types as JSON text). The library's {@link Displayable} objects, Tablesaw tables and
 * {@code BufferedImage}s are built in; users and other packages add their own with
 * {@link #register}. The newest registration that matches wins, and every bundle gets a
 * {@code text/plain} fallback.
 */
public final class Renderer {
    private record Entry(Predicate<Object> matches, Function<Object, Map<String, String>> render) {}

    private static final List<Entry> ENTRIES = new CopyOnWriteArrayList<>();

    static {
        register(Displayable.class, Displayable::toMimeBundle);
        // by class name so that java.desktop and Tablesaw load only when such an object shows up
        registerByName("tech.tablesaw.api.Table", TableRenderer::render);
        registerByName("java.awt.image.BufferedImage", Renderer::png);
    }

    private Renderer() {}

    /** Renders objects of {@code type} (and subtypes) with {@code render}. */
    @SuppressWarnings("unchecked")
    public static <T> void register(Class<T> type, Function<? super T, Map<String, String>> render) {
        ENTRIES.add(new Entry(type::isInstance, o -> ((Function<Object, Map<String, String>>) render).apply(o)));
    }

    /** Renders objects whose class or a supertype has the given name, without loading that class now. */
    public static void registerByName(String className, Function<Object, Map<String, String>> render) {
        ENTRIES.add(new Entry(o -> isA(o.getClass(), className), render));
    }

    /** The MIME bundle of {@code o}; {@code plainText} is the text/plain fallback (null: {@code String.valueOf}). */
    public static Map<String, String> render(Object o, String plainText) {
        Map<String, String> bundle = new LinkedHashMap<>();
        if (o != null) {
            for (int i = ENTRIES.size() - 1; i >= 0; i--) {
                Entry e = ENTRIES.get(i);
                if (!e.matches().test(o)) continue;
                try {
                    Map<String, String> b = e.render().apply(o);
                    if (b != null) bundle.putAll(b);
                } catch (RuntimeException | LinkageError ex) {
                    System.err.println("could not render " + o.getClass().getSimpleName() + ": " + ex);
                }
                break;
            }
        }
        bundle.values().removeIf(v -> v == null);
        if (!bundle.containsKey("text/plain")) bundle.put("text/plain", plainText != null ? plainText : String.valueOf(o));
        return bundle;
    }

    public static Map<String, String> render(Object o) {
        return render(o, (String) null);
    }

    /** Only the requested mime types of {@code o}'s bundle (in the requested order). */
    public static Map<String, String> renderOnly(Object o, List<String> mimeTypes) {
        Map<String, String> all = render(o, (String) null);
        if (mimeTypes == null || mimeTypes.isEmpty()) return all;
        Map<String, String> out = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String m : mimeTypes) {
            if (all.containsKey(m)) out.put(m, all.get(m));
            else missing.add(m);
        }
        if (out.isEmpty()) {
            System.err.println(o.getClass().getSimpleName() + " has no " + missing + " rendering; it has " + all.keySet());
            out.put("text/plain", all.get("text/plain"));
        }
        return out;
    }

    private static boolean isA(Class<?> c, String name) {
        for (; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(name)) return true;
            for (Class<?> i : c.getInterfaces()) if (isA(i, name)) return true;
        }
        return false;
    }

    private static Map<String, String> png(Object image) {
        try {
            java.awt.image.BufferedImage img = (java.awt.image.BufferedImage) image;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "png", bytes);
            Map<String, String> b = new LinkedHashMap<>();
            b.put("image/png", Base64.getEncoder().encodeToString(bytes.toByteArray()));
            b.put("text/plain", "BufferedImage " + img.getWidth() + "x" + img.getHeight());
            return b;
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding failed", e);
        }
    }
}
