package tradebook.chart;

import java.util.List;

/** One panel of a figure: a y axis of its own (stacked) or an x/y pair (grid). */
final class Panel {
    /** Position in the figure, set when added. */
    int index;
    final String name;
    /** Height in pixels. */
    final int height;
    /** d3 format of the y tick labels, e.g. {@code ".0%"}; null for automatic. */
    String yFormat;
    /** Draws a dashed line at this y value (P/L's zero line); NaN for none. */
    double refLine = Double.NaN;
    /** Grid panels: axis titles and category labels. */
    String xTitle, yTitle;
    List<String> xCategories, yCategories;

    Panel(String name, int height) {
        this.name = name;
        this.height = height;
    }
}
