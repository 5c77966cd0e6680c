package tradebook.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * What a chart shows, independent of how it is drawn: panels stacked on one shared time axis
 * (a backtest plot) or laid out in a grid (heatmaps), and the traces in them. The Plotly writer
 * and the XChart renderer both read this, so the interactive chart and its PNG agree.
 */
final class Figure {
    enum Layout { STACKED, GRID }

    final String title;
    final Layout layout;
    final List<Panel> panels = new ArrayList<>();
    final List<Trace> traces = new ArrayList<>();
    /** Columns of a grid layout. */
    int gridColumns = 1;
    boolean showLegend = true;
    /** Pixel width of the picture (the interactive chart takes the page width). */
    int width = 1200;
    /** Colour scale of heatmaps, shared by all their panels. */
    String colorbarTitle;

    Figure(String title, Layout layout) {
        this.title = title;
        this.layout = layout;
    }

    Panel add(Panel p) {
        p.index = panels.size();
        panels.add(p);
        return p;
    }

    Trace add(Trace t) {
        traces.add(t);
        return t;
    }

    /** Sum of the panels' heights in pixels, plus room for the time axis and title. */
    int height() {
        if (layout == Layout.GRID) {
            int rows = (panels.size() + gridColumns - 1) / Math.max(1, gridColumns);
            return 60 + rows * (panels.isEmpty() ? 300 : panels.get(0).height);
        }
        int h = 70;
        for (Panel p : panels) h += p.height;
        return h;
    }

    List<Trace> tracesOf(Panel p) {
        List<Trace> out = new ArrayList<>();
        for (Trace t : traces) if (t.panel == p) out.add(t);
        return out;
    }

    /** Time range covered by the stacked panels' traces (epoch ms), for aligning pictures. */
    double[] timeRange() {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Trace t : traces) {
            if (t.x == null) continue;
            for (double v : t.x) {
                if (Double.isNaN(v)) continue;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {lo, hi};
    }
}
