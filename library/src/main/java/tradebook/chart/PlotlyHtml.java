package tradebook.chart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * HTML around Plotly figure JSON: a self-contained page for {@code save("x.html")}, and the
 * fragment a notebook output carries. plotly.js ships inside the jar (no CDN, works offline);
 * a notebook gets it once, in the first chart of the kernel session, and later charts wait for it.
 */
final class PlotlyHtml {
    private PlotlyHtml() {}

    private static final String BUNDLE = "/tradebook/chart/plotly-tradebook.min.js";
    private static volatile String bundle;
    private static final AtomicBoolean SENT_TO_NOTEBOOK = new AtomicBoolean();

    /** The plotly.js bundle (~1.2 MB: core, bar, candlestick, heatmap). */
    static String plotlyJs() {
        String b = bundle;
        if (b == null) {
            try (InputStream in = PlotlyHtml.class.getResourceAsStream(BUNDLE)) {
                if (in == null) throw new IllegalStateException("missing resource " + BUNDLE + " in the library jar");
                bundle = b = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b;
    }

    /**
     * Rescales every panel's y axis to the data in view after a zoom or pan of the shared time
     * axis (Plotly keeps y fixed, which flattens the candles), and restores autorange on reset.
     */
    static final String AUTOSCALE_JS = String.join("\n",
            "window.tradebookAutoscale = function (gd) {",
            "  if (gd.tradebookAutoscale) return; gd.tradebookAutoscale = true;",
            "  var busy = false;",
            "  gd.on('plotly_relayout', function (ev) {",
            "    if (busy) return;",
            "    var keys = Object.keys(ev), xs = keys.some(function (k) { return k.indexOf('xaxis.range') === 0; });",
            "    var reset = ev['xaxis.autorange'] === true;",
            "    if (!xs && !reset) return;",
            "    var fl = gd._fullLayout, xa = fl.xaxis, upd = {};",
            "    var ys = Object.keys(fl).filter(function (k) { return /^yaxis\\d*$/.test(k); });",
            "    if (reset) { ys.forEach(function (k) { upd[k + '.autorange'] = true; }); }",
            "    else {",
            "      var r0 = xa.r2l(xa.range[0]), r1 = xa.r2l(xa.range[1]);",
            "      ys.forEach(function (k) {",
            "        var id = 'y' + k.slice(5), lo = Infinity, hi = -Infinity;",
            "        gd._fullData.forEach(function (t) {",  // decoded arrays (gd.data may hold base64 specs)
            "          if ((t.yaxis || 'y') !== id || t.visible === false || t.visible === 'legendonly' || !t.x) return;",
            "          var a = t.type === 'candlestick' ? t.low : t.y, b = t.type === 'candlestick' ? t.high : t.y;",
            "          if (t.type === 'bar' || t.fill === 'tozeroy') { lo = Math.min(lo, 0); hi = Math.max(hi, 0); }",
            "          for (var i = 0; i < t.x.length; i++) {",
            "            var x = t.x[i];",
            "            if (x === null || x < r0 || x > r1) continue;",
            "            if (a[i] !== null && a[i] < lo) lo = a[i];",
            "            if (b[i] !== null && b[i] > hi) hi = b[i];",
            "          }",
            "        });",
            "        if (lo < hi) { var pad = (hi - lo) * 0.05; upd[k + '.range'] = [lo - pad, hi + pad]; }",
            "      });",
            "    }",
            "    busy = true;",
            "    Plotly.relayout(gd, upd).then(function () { busy = false; }, function () { busy = false; });",
            "  });",
            "};",
            // Marks a finished chart (tests and timing wait for it): time since the page started.
            "window.tradebookDrawn = function (gd) { gd.setAttribute('data-drawn-ms', Math.round(performance.now())); };");

    /** A complete page with plotly.js inlined: opens from disk, offline. */
    static String standalone(Figure f, String figureJson) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + tradebook.display.Html.escape(f.title) + "</title>\n"
                + "<style>html,body{margin:0;padding:0;background:#fff}</style>\n"
                + "<script type=\"text/javascript\">" + plotlyJs() + "\n</script>\n"
                + "<script type=\"text/javascript\">" + AUTOSCALE_JS + "</script>\n"
                + "</head><body>\n<div id=\"chart\" class=\"tradebook-chart\" style=\"width:100%;height:" + f.height() + "px\"></div>\n"
                + "<script type=\"text/javascript\">\nvar fig = " + figureJson + ";\n"
                + "Plotly.newPlot('chart', fig.data, fig.layout, fig.config).then(function (gd) { tradebookAutoscale(gd); tradebookDrawn(gd); });\n"
                + "</script>\n</body></html>\n";
    }

    /**
     * A notebook output: the PNG as a placeholder (what static viewers and untrusted notebooks
     * show) replaced by the interactive chart once plotly.js is on the page.
     */
    static String notebook(Figure f, String figureJson, String pngBase64) {
        String id = "tradebook-" + UUID.randomUUID();
        StringBuilder sb = new StringBuilder(figureJson.length() + (pngBase64 == null ? 0 : pngBase64.length()) + 2048);
        if (SENT_TO_NOTEBOOK.compareAndSet(false, true)) sb.append(loader());
        sb.append("<div id=\"").append(id).append("\" class=\"tradebook-chart\" style=\"width:100%\">");
        if (pngBase64 != null) {
            sb.append("<img alt=\"").append(tradebook.display.Html.escape(f.title)).append("\" style=\"max-width:100%\" src=\"data:image/png;base64,")
                    .append(pngBase64).append("\"/>");
        }
        sb.append("</div>\n<script type=\"text/javascript\">\n(function () {\n  var fig = ").append(figureJson).append(";\n")
                .append("  var tries = 0;\n")
                .append("  function draw() {\n")
                .append("    var el = document.getElementById('").append(id).append("');\n")
                .append("    if (!el) { if (tries++ < 50) setTimeout(draw, 100); return; }\n")
                .append("    el.innerHTML = ''; el.style.height = '").append(f.height()).append("px';\n")
                .append("    Plotly.newPlot(el, fig.data, fig.layout, fig.config).then(function (gd) { tradebookAutoscale(gd); tradebookDrawn(gd); });\n")
                .append("  }\n")
                .append("  if (window.Plotly && window.tradebookAutoscale) { draw(); return; }\n")
                .append("  (window.tradebookPending = window.tradebookPending || []).push(draw);\n")
                // plotly.js comes with the session's first chart; if that output is gone (cleared,
                // or re-run in the same session) say how to get the interactive chart back.
                .append("  setTimeout(function () {\n")
                .append("    var el = document.getElementById('").append(id).append("');\n")
                .append("    if (window.Plotly || !el) return;\n")
                .append("    var p = document.createElement('p'); p.style.cssText = 'color:#888;font-size:smaller';\n")
                .append("    p.textContent = 'Static picture: plotly.js is not on this page. Run Chart.resendPlotlyJs() and this cell again for the interactive chart.';\n")
                .append("    el.appendChild(p);\n")
                .append("  }, 5000);\n")
                .append("})();\n</script>\n");
        return sb.toString();
    }

    /** plotly.js for the notebook page, then any charts that were waiting for it. */
    static String loader() {
        return "<script type=\"text/javascript\">\n" + plotlyJs() + "\n" + AUTOSCALE_JS + "\n"
                + "(window.tradebookPending || []).splice(0).forEach(function (draw) { draw(); });\n</script>\n";
    }

    /** The next notebook chart carries plotly.js again (after the page lost it, e.g. outputs cleared). */
    static void resendToNotebook() {
        SENT_TO_NOTEBOOK.set(false);
    }

    static boolean sentToNotebook() {
        return SENT_TO_NOTEBOOK.get();
    }
}
