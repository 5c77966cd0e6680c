package tradebook.chart;

/**
 * One series of a panel. Plain arrays, x in epoch milliseconds of local time (the way
 * {@code Bars} keeps time); NaN breaks a line.
 */
final class Trace {
    enum Kind {
        /** A line through (x, y). */
        LINE,
        /** Markers at (x, y), optionally sized and shaped per point. */
        MARKERS,
        /** A line filled down to zero (drawdown). */
        AREA,
        /** Vertical bars from zero (volume). */
        BARS,
        /** Candlesticks from open/high/low/close. */
        CANDLES,
        /** Filled polygons separated by NaN (superimposed higher time-frame candles). */
        BOXES,
        /** A matrix of values over x/y categories. */
        HEATMAP
    }

    final Kind kind;
    final String name;
    final Panel panel;
    double[] x, y;
    double[] open, high, low, close;
    /** Heatmap values, z[row = y category][column = x category]; NaN where no combination ran. */
    double[][] z;
    String color;
    /** Candles and bars: colours of rising and falling bars. */
    String upColor, downColor;
    /** Per-point bar colours (volume: up or down). */
    boolean[] up;
    double lineWidth = 1.5;
    /** "dash", "dot" or null for solid. */
    String dash;
    double opacity = 1;
    /** Marker size in pixels, per point (null: {@link #size}). */
    double[] sizes;
    double size = 8;
    /** Plotly marker symbol, per point or one for all. */
    String[] symbols;
    String symbol = "circle";
    /** Hover text per point; null for the default hover. */
    String[] text;
    /** Numbers per point for {@link #hoverTemplate} ({@code custom[point][k]} is {@code %{customdata[k]}}). */
    double[][] custom;
    String hoverTemplate;
    boolean hover = true;
    boolean inLegend = true;
    /** AREA traces with the same stack group pile up (allocation weights): y is each layer's own value. */
    String stackGroup;
    /** Legend group, so that clicking one entry hides its companions. */
    String legendGroup;

    Trace(Kind kind, String name, Panel panel) {
        this.kind = kind;
        this.name = name;
        this.panel = panel;
    }

    int length() {
        if (x != null) return x.length;
        return z == null ? 0 : z.length;
    }
}
