package tradebook.chart;

import java.util.Arrays;
import java.util.List;

/** Writes a {@link Figure} as Plotly figure JSON ({@code {"data": [...], "layout": {...}, "config": {...}}}). */
final class PlotlyWriter {
    private PlotlyWriter() {}

    private static final int GAP_PX = 10, TOP = 40, BOTTOM = 40;

    /** The figure JSON; {@code scrollZoom} off in notebooks, where the wheel should scroll the page. */
    static String figure(Figure f, boolean scrollZoom) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("{\"data\":[");
        boolean first = true;
        for (Trace t : f.traces) {
            if (!first) sb.append(',');
            first = false;
            trace(sb, f, t);
        }
        sb.append("],\"layout\":");
        layout(sb, f);
        sb.append(",\"config\":{\"responsive\":true,\"displaylogo\":false,\"showSendToCloud\":false,\"scrollZoom\":")
                .append(scrollZoom).append(",\"modeBarButtonsToRemove\":[\"select2d\",\"lasso2d\"]}}");
        return sb.toString();
    }

    private static String axis(String kind, int index) {
        return kind + (index == 0 ? "" : String.valueOf(index + 1));
    }

    private static void trace(StringBuilder sb, Figure f, Trace t) {
        int pi = t.panel.index;
        String xa = f.layout == Figure.Layout.GRID ? axis("x", pi) : "x";
        sb.append("{\"name\":");
        Json.str(sb, t.name);
        sb.append(",\"xaxis\":\"").append(xa).append("\",\"yaxis\":\"").append(axis("y", pi)).append('"');
        if (!t.inLegend) sb.append(",\"showlegend\":false");
        // One legend per panel, inside its top-left corner, as Backtesting.py shows them.
        if (f.layout == Figure.Layout.STACKED && pi > 0) sb.append(",\"legend\":\"legend").append(pi + 1).append('"');
        if (t.legendGroup != null) sb.append(",\"legendgroup\":").append(Json.str(t.legendGroup));
        if (!t.hover) sb.append(",\"hoverinfo\":\"skip\"");
        switch (t.kind) {
            case CANDLES:
                sb.append(",\"type\":\"candlestick\",\"whiskerwidth\":0");
                sb.append(",\"increasing\":{\"line\":{\"color\":\"").append(t.upColor).append("\",\"width\":1},\"fillcolor\":\"").append(t.upColor).append("\"}");
                sb.append(",\"decreasing\":{\"line\":{\"color\":\"").append(t.downColor).append("\",\"width\":1},\"fillcolor\":\"").append(t.downColor).append("\"}");
                sb.append(",\"x\":");
                Json.times(sb, t.x);
                sb.append(",\"open\":");
                Json.values(sb, t.open);
                sb.append(",\"high\":");
                Json.values(sb, t.high);
                sb.append(",\"low\":");
                Json.values(sb, t.low);
                sb.append(",\"close\":");
                Json.values(sb, t.close);
                break;
            case BARS: {
                sb.append(",\"type\":\"bar\",\"opacity\":").append(t.opacity);
                if (t.up == null) {
                    sb.append(",\"marker\":{\"color\":\"").append(t.color).append("\",\"line\":{\"width\":0}}");
                    xy(sb, t);
                    break;
                }
                // Rising and falling bars as two traces: a colour per bar costs plotly.js seconds at 4k bars.
                sb.append(",\"legendgroup\":").append(Json.str(t.name));
                bars(sb, t, true);
                sb.append("},{");
                sb.append("\"name\":");
                Json.str(sb, t.name);
                sb.append(",\"xaxis\":\"x\",\"yaxis\":\"").append(axis("y", pi)).append("\",\"showlegend\":false");
                if (pi > 0) sb.append(",\"legend\":\"legend").append(pi + 1).append('"');
                sb.append(",\"legendgroup\":").append(Json.str(t.name)).append(",\"type\":\"bar\",\"opacity\":").append(t.opacity);
                bars(sb, t, false);
                break;
            }
            case HEATMAP:
                sb.append(",\"type\":\"heatmap\",\"coloraxis\":\"coloraxis\",\"xgap\":1,\"ygap\":1");
                sb.append(",\"x\":");
                Json.strs(sb, t.panel.xCategories);
                sb.append(",\"y\":");
                Json.strs(sb, t.panel.yCategories);
                sb.append(",\"z\":[");
                for (int r = 0; r < t.z.length; r++) {
                    if (r > 0) sb.append(',');
                    Json.nums(sb, t.z[r]);
                }
                sb.append("],\"hovertemplate\":");
                Json.str(sb, t.panel.xTitle + " %{x}<br>" + t.panel.yTitle + " %{y}<br>" + f.colorbarTitle + " %{z}<extra></extra>");
                break;
            default:
                sb.append(",\"type\":\"scatter\"");
                scatter(sb, t);
                xy(sb, t);
        }
        sb.append('}');
    }

    private static void scatter(StringBuilder sb, Trace t) {
        switch (t.kind) {
            case MARKERS:
                sb.append(",\"mode\":\"markers\",\"marker\":{\"color\":\"").append(t.color).append("\",\"opacity\":").append(t.opacity)
                        .append(",\"line\":{\"width\":0}");
                sb.append(",\"size\":");
                if (t.sizes != null) Json.values(sb, t.sizes);
                else Json.num(sb, t.size);
                sb.append(",\"symbol\":");
                if (t.symbols != null) symbolCodes(sb, t.symbols);
                else Json.str(sb, t.symbol);
                sb.append('}');
                if (t.text != null) {
                    sb.append(",\"text\":");
                    Json.strs(sb, Arrays.asList(t.text));
                    sb.append(",\"hovertemplate\":\"%{text}<extra></extra>\"");
                }
                if (t.custom != null) {
                    sb.append(",\"customdata\":");
                    Json.matrix(sb, t.custom);
                    sb.append(",\"hovertemplate\":");
                    Json.str(sb, t.hoverTemplate);
                }
                break;
            case AREA:
                if (t.stackGroup != null) { // Plotly stacks the layers itself
                    sb.append(",\"mode\":\"lines\",\"stackgroup\":");
                    Json.str(sb, t.stackGroup);
                    sb.append(",\"fillcolor\":\"").append(rgba(t.color, 0.65)).append("\",\"line\":{\"color\":\"")
                            .append(t.color).append("\",\"width\":0.5}");
                    break;
                }
                sb.append(",\"mode\":\"lines\",\"fill\":\"tozeroy\",\"fillcolor\":\"").append(rgba(t.color, 0.3))
                        .append("\",\"line\":{\"color\":\"").append(t.color).append("\",\"width\":1}");
                break;
            case BOXES:
                sb.append(",\"mode\":\"lines\",\"fill\":\"toself\",\"fillcolor\":\"").append(rgba(t.color, t.opacity))
                        .append("\",\"line\":{\"color\":\"").append(rgba(t.color, Math.min(1, 2.5 * t.opacity))).append("\",\"width\":0.5}");
                break;
            default:
                sb.append(",\"mode\":\"lines\",\"line\":{\"color\":\"").append(t.color).append("\",\"width\":").append(t.lineWidth);
                if (t.dash != null) sb.append(",\"dash\":\"").append(t.dash).append('"');
                sb.append('}');
                if (t.opacity < 1) sb.append(",\"opacity\":").append(t.opacity);
        }
    }

    private static void bars(StringBuilder sb, Trace t, boolean rising) {
        sb.append(",\"marker\":{\"color\":\"").append(rising ? t.upColor : t.downColor).append("\",\"line\":{\"width\":0}}");
        int k = 0;
        for (boolean u : t.up) if (u == rising) k++;
        double[] x = new double[k], y = new double[k];
        k = 0;
        for (int i = 0; i < t.up.length; i++) {
            if (t.up[i] != rising) continue;
            x[k] = t.x[i];
            y[k++] = t.y[i];
        }
        sb.append(",\"x\":");
        Json.times(sb, x);
        sb.append(",\"y\":");
        Json.values(sb, y);
    }

    /** Plotly's numeric marker codes are far shorter than the names, per point. */
    private static void symbolCodes(StringBuilder sb, String[] symbols) {
        sb.append('[');
        for (int i = 0; i < symbols.length; i++) {
            if (i > 0) sb.append(',');
            switch (symbols[i]) {
                case "triangle-up": sb.append(5); break;
                case "triangle-down": sb.append(6); break;
                default: sb.append(0); // circle
            }
        }
        sb.append(']');
    }

    private static void xy(StringBuilder sb, Trace t) {
        sb.append(",\"x\":");
        Json.times(sb, t.x);
        sb.append(",\"y\":");
        Json.values(sb, t.y);
    }

    static String rgba(String hex, double alpha) {
        int c = Integer.parseInt(hex.substring(1), 16);
        return "rgba(" + ((c >> 16) & 255) + "," + ((c >> 8) & 255) + "," + (c & 255) + "," + alpha + ")";
    }

    private static void layout(StringBuilder sb, Figure f) {
        int height = f.height();
        sb.append("{\"height\":").append(height).append(",\"autosize\":true");
        sb.append(",\"title\":{\"text\":");
        Json.str(sb, f.title);
        sb.append(",\"x\":0.01,\"xanchor\":\"left\",\"y\":0.995,\"yanchor\":\"top\",\"font\":{\"size\":14}}");
        sb.append(",\"showlegend\":").append(f.showLegend);
        sb.append(",\"margin\":{\"l\":70,\"r\":30,\"t\":").append(TOP).append(",\"b\":").append(BOTTOM).append('}');
        sb.append(",\"paper_bgcolor\":\"white\",\"plot_bgcolor\":\"white\",\"font\":{\"family\":\"Helvetica, Arial, sans-serif\",\"size\":11}");
        if (f.layout == Figure.Layout.GRID) {
            grid(sb, f, height);
            return;
        }
        sb.append(",\"hovermode\":\"x unified\",\"hoversubplots\":\"axis\",\"dragmode\":\"zoom\",\"bargap\":0");
        List<Panel> ps = f.panels;
        double plotPx = height - TOP - BOTTOM;
        double total = 0;
        for (Panel p : ps) total += p.height;
        double gap = GAP_PX / plotPx;
        double top = 1;
        for (Panel p : ps) {
            double h = p.height / total;
            double lo = Math.max(0, top - h + (p.index == ps.size() - 1 ? 0 : gap / 2));
            double hi = Math.min(1, top - (p.index == 0 ? 0 : gap / 2));
            sb.append(",\"").append(axis("yaxis", p.index)).append("\":{\"domain\":[");
            Json.num(sb, lo).append(',');
            Json.num(sb, hi).append("],\"anchor\":\"x\",\"title\":{\"text\":");
            Json.str(sb, p.name);
            sb.append(",\"font\":{\"size\":11}},\"zeroline\":false,\"gridcolor\":\"#eee\",\"linecolor\":\"#bbb\",\"showline\":true,\"mirror\":true");
            if (p.yFormat != null) sb.append(",\"tickformat\":").append(Json.str(p.yFormat));
            sb.append('}');
            sb.append(",\"").append(axis("legend", p.index)).append("\":{\"x\":0.005,\"xanchor\":\"left\",\"y\":");
            Json.num(sb, hi).append(",\"yanchor\":\"top\",\"orientation\":\"h\",\"bgcolor\":\"rgba(255,255,255,0.7)\",\"font\":{\"size\":10}}");
            top -= h;
        }
        sb.append(",\"xaxis\":{\"type\":\"date\",\"domain\":[0,1],\"anchor\":\"").append(axis("y", ps.size() - 1))
                .append("\",\"rangeslider\":{\"visible\":false},\"showspikes\":true,\"spikemode\":\"across\",\"spikesnap\":\"cursor\"")
                .append(",\"spikethickness\":1,\"spikedash\":\"dot\",\"spikecolor\":\"#888\",\"gridcolor\":\"#eee\",\"linecolor\":\"#bbb\",\"showline\":true}");
        StringBuilder shapes = new StringBuilder();
        for (Panel p : ps) {
            if (Double.isNaN(p.refLine)) continue;
            if (shapes.length() > 0) shapes.append(',');
            shapes.append("{\"type\":\"line\",\"xref\":\"paper\",\"x0\":0,\"x1\":1,\"yref\":\"").append(axis("y", p.index))
                    .append("\",\"y0\":").append(p.refLine).append(",\"y1\":").append(p.refLine)
                    .append(",\"line\":{\"color\":\"#999\",\"width\":1,\"dash\":\"dash\"},\"layer\":\"below\"}");
        }
        sb.append(",\"shapes\":[").append(shapes).append("]}");
    }

    private static void grid(StringBuilder sb, Figure f, int height) {
        int cols = Math.max(1, f.gridColumns), rows = (f.panels.size() + cols - 1) / cols;
        double gx = 0.08, gy = 0.12;
        for (Panel p : f.panels) {
            int r = p.index / cols, c = p.index % cols;
            double x0 = (double) c / cols + (c == 0 ? 0 : gx / 2), x1 = (double) (c + 1) / cols - (c == cols - 1 ? 0 : gx / 2);
            double y1 = 1 - (double) r / rows - (r == 0 ? 0 : gy / 2), y0 = 1 - (double) (r + 1) / rows + (r == rows - 1 ? 0 : gy / 2);
            sb.append(",\"").append(axis("xaxis", p.index)).append("\":{\"type\":\"category\",\"domain\":[");
            Json.num(sb, x0).append(',');
            Json.num(sb, x1).append("],\"anchor\":\"").append(axis("y", p.index)).append("\",\"title\":{\"text\":");
            Json.str(sb, p.xTitle).append("}}");
            sb.append(",\"").append(axis("yaxis", p.index)).append("\":{\"type\":\"category\",\"domain\":[");
            Json.num(sb, y0).append(',');
            Json.num(sb, y1).append("],\"anchor\":\"").append(axis("x", p.index)).append("\",\"title\":{\"text\":");
            Json.str(sb, p.yTitle).append("}}");
        }
        sb.append(",\"coloraxis\":{\"colorscale\":\"Viridis\",\"colorbar\":{\"title\":{\"text\":");
        Json.str(sb, f.colorbarTitle).append(",\"side\":\"right\"}}}}");
    }
}
