package tradebook.chart;

import java.util.Locale;
import java.util.Map;

/** Indicator colours as users write them ("black", "#f80", "#ff8800") turned into the #rrggbb the renderers need. */
final class Colors {
    private Colors() {}

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("black", "#000000"), Map.entry("white", "#ffffff"), Map.entry("gray", "#808080"),
            Map.entry("grey", "#808080"), Map.entry("silver", "#c0c0c0"), Map.entry("red", "#ff0000"),
            Map.entry("maroon", "#800000"), Map.entry("orange", "#ffa500"), Map.entry("yellow", "#ffff00"),
            Map.entry("olive", "#808000"), Map.entry("lime", "#00ff00"), Map.entry("green", "#008000"),
            Map.entry("teal", "#008080"), Map.entry("cyan", "#00ffff"), Map.entry("aqua", "#00ffff"),
            Map.entry("blue", "#0000ff"), Map.entry("navy", "#000080"), Map.entry("purple", "#800080"),
            Map.entry("magenta", "#ff00ff"), Map.entry("fuchsia", "#ff00ff"), Map.entry("pink", "#ffc0cb"),
            Map.entry("brown", "#a52a2a"), Map.entry("gold", "#ffd700"), Map.entry("violet", "#ee82ee"),
            Map.entry("indigo", "#4b0082"), Map.entry("crimson", "#dc143c"), Map.entry("tomato", "#ff6347"),
            Map.entry("salmon", "#fa8072"), Map.entry("coral", "#ff7f50"), Map.entry("khaki", "#f0e68c"),
            Map.entry("turquoise", "#40e0d0"), Map.entry("darkgreen", "#006400"), Map.entry("darkblue", "#00008b"),
            Map.entry("darkred", "#8b0000"), Map.entry("darkorange", "#ff8c00"), Map.entry("lightgray", "#d3d3d3"),
            Map.entry("lightgrey", "#d3d3d3"), Map.entry("darkgray", "#a9a9a9"), Map.entry("darkgrey", "#a9a9a9"),
            Map.entry("steelblue", "#4682b4"), Map.entry("skyblue", "#87ceeb"), Map.entry("orchid", "#da70d6"));

    /** #rrggbb for a CSS name or hex colour; null when it is neither (the caller picks a palette colour). */
    static String hex(String color) {
        if (color == null) return null;
        String c = color.strip().toLowerCase(Locale.ROOT);
        if (c.matches("#[0-9a-f]{6}")) return c;
        if (c.matches("#[0-9a-f]{3}")) {
            return "#" + c.charAt(1) + c.charAt(1) + c.charAt(2) + c.charAt(2) + c.charAt(3) + c.charAt(3);
        }
        return NAMES.get(c);
    }
}
