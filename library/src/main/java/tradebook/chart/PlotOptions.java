package tradebook.chart;

/**
 * What {@code bt.plot(options)} draws, named after Backtesting.py's {@code plot()} arguments:
 *
 * <pre>{@code
 * bt.plot(PlotOptions.defaults().plotDrawdown(true).relativeEquity(false).resample("D"));
 * }</pre>
 *
 * Defaults follow Backtesting.py: equity, P/L, volume and trades on; drawdown and return off;
 * relative equity; automatic resampling to at most {@link #maxCandles} candles; automatic
 * superimposed higher time frame. Unlike Backtesting.py, nothing is written or opened unless
 * {@link #filename} or {@link #openBrowser} asks (a notebook shows the chart inline).
 */
public final class PlotOptions {
    boolean plotEquity = true, plotReturn, plotPl = true, plotVolume = true, plotDrawdown, plotTrades = true;
    boolean smoothEquity, relativeEquity = true, showLegend = true, reverseIndicators, openBrowser;
    /** null: automatic; "" off; else a time frame alias. */
    String resample = null, superimpose = null;
    int maxCandles = 5_000;
    String filename;
    int width = 1200;

    public static PlotOptions defaults() {
        return new PlotOptions();
    }

    /** The equity panel. */
    public PlotOptions plotEquity(boolean on) { plotEquity = on; return this; }

    /** A return panel (equity less the initial cash) instead of equity. */
    public PlotOptions plotReturn(boolean on) { plotReturn = on; return this; }

    /** The profit/loss panel: one marker per trade at its exit. */
    public PlotOptions plotPl(boolean on) { plotPl = on; return this; }

    /** The volume panel. */
    public PlotOptions plotVolume(boolean on) { plotVolume = on; return this; }

    /** A separate drawdown panel. */
    public PlotOptions plotDrawdown(boolean on) { plotDrawdown = on; return this; }

    /** Trade entry-to-exit lines on the price chart. */
    public PlotOptions plotTrades(boolean on) { plotTrades = on; return this; }

    /** Equity drawn only between trade exits (straight lines), hiding swings of open trades. */
    public PlotOptions smoothEquity(boolean on) { smoothEquity = on; return this; }

    /** Equity as a percentage of the initial cash (true) or in cash (false). */
    public PlotOptions relativeEquity(boolean on) { relativeEquity = on; return this; }

    /** Resample automatically when there are more than {@link #maxCandles} bars (true, default) or never (false). */
    public PlotOptions resample(boolean on) { resample = on ? null : ""; return this; }

    /** Resample to this time frame, e.g. {@code "4H"}, {@code "D"}, {@code "W"}. */
    public PlotOptions resample(String timeFrame) {
        TimeFrame.parse(timeFrame);
        resample = timeFrame;
        return this;
    }

    /** Most candles drawn before resampling kicks in (default 5,000: the browser stays under ~3 s). */
    public PlotOptions maxCandles(int n) {
        if (n < 10) throw new IllegalArgumentException("maxCandles must be at least 10, got " + n);
        maxCandles = n;
        return this;
    }

    /** Superimpose a higher time frame's candles automatically (true, default) or not (false). */
    public PlotOptions superimpose(boolean on) { superimpose = on ? null : ""; return this; }

    /** Superimpose candles of this time frame, e.g. {@code "M"} over daily bars. */
    public PlotOptions superimpose(String timeFrame) {
        TimeFrame.parse(timeFrame);
        superimpose = timeFrame;
        return this;
    }

    /** Show the legend. */
    public PlotOptions showLegend(boolean on) { showLegend = on; return this; }

    /** Indicator panels in reverse order of declaration. */
    public PlotOptions reverseIndicators(boolean on) { reverseIndicators = on; return this; }

    /** Also save the chart to this file (.html, .png or .svg). */
    public PlotOptions filename(String path) { filename = path; return this; }

    /** Save (to {@link #filename} or a temporary HTML file) and open it in the desktop browser. */
    public PlotOptions openBrowser(boolean on) { openBrowser = on; return this; }

    /** Width of the PNG/SVG picture in pixels (the interactive chart fills its page). */
    public PlotOptions width(int px) {
        if (px < 300) throw new IllegalArgumentException("width must be at least 300 px, got " + px);
        width = px;
        return this;
    }
}
