package tradebook.data;

import java.util.Arrays;

/** One column of a {@link Bars}, limited to the bars the owner shows. */
public final class Column implements Series {
    private final Bars bars;
    private final String name;
    private final double[] data;

    Column(Bars bars, String name, double[] data) {
        this.bars = bars;
        this.name = name;
        this.data = data;
    }

    @Override public String name() { return name; }

    @Override public int size() { return bars.size(); }

    @Override public double get(int i) {
        int n = bars.size();
        int k = i < 0 ? n + i : i;
        if (k < 0 || k >= n) Series.index(i, n, name);
        return data[k];
    }

    @Override public double[] values() {
        return Arrays.copyOf(data, bars.size());
    }

    /**
     * The full backing array (all bars, not only the visible ones). Read-only by contract: it is
     * shared to keep million-bar backtests within memory. Never use it inside {@code next()}:
     * it includes future bars.
     */
    public double[] array() {
        return data;
    }

    @Override public String toString() {
        return name + Arrays.toString(values().length > 10
                ? Arrays.copyOfRange(data, bars.size() - 10, bars.size()) : values());
    }
}
