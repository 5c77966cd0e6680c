package tradebook.display;

import java.util.Map;

/**
 * An object that knows how to show itself in a notebook: mime type to content (text as is,
 * images base64-encoded). The kernel renders any {@code Displayable}; the library stays free of
 * kernel code. Always include {@code text/plain}.
 */
public interface Displayable {
    Map<String, String> toMimeBundle();
}
