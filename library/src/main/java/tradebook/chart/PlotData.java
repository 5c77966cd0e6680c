package tradebook.chart;

import java.util.ArrayList;
import java.util.List;
import tradebook.backtest.Indicator;

/**
 * The series a backtest plot draws, at the resolution it draws them: either the backtest's own
 * bars or buckets of a larger time frame (see {@link Resampler}).
 */
final class PlotData {
    /** One line of an indicator at plot resolution. */
    static final class Line {
        final Indicator indicator;
        final int k;
        final double[] values;

        Line(Indicator indicator, int k, double[] values) {
            this.indicator = indicator;
            this.k = k;
            this.values = values;
        }
    }

    /** One closed trade, or the trades that closed in one bucket when resampled. */
    static final class TradeMark {
        long entryTime, exitTime;
        double entryPrice, exitPrice;
        /** Units, negative for short; summed over a bucket. */
        double size;
        double pl;
        /** Return as a fraction. */
        double plPct;
        int count = 1;
    }

    String name;
    /** Bar (or bucket start) times, epoch ms of local time. */
    long[] time;
    double[] open, high, low, close, volume;
    double[] equity, drawdown;
    final List<Line> lines = new ArrayList<>();
    final List<TradeMark> trades = new ArrayList<>();
    /** The time frame bars were aggregated to, or null if they are the backtest's own bars. */
    TimeFrame frame;

    int size() { return time.length; }

    /** Index of the plotted bar holding source time {@code t} (time is sorted). */
    int indexOf(long t) {
        int i = java.util.Arrays.binarySearch(time, frame == null ? t : frame.bucket(t));
        return i >= 0 ? i : Math.max(0, -i - 2);
    }
}
