package tradebook.backtest;

import java.util.List;

/** The net of all open trades. {@code if (position().isOpen()) ...} */
public final class Position {
    private final Broker broker;

    Position(Broker broker) {
        this.broker = broker;
    }

    /** Net size in units: positive long, negative short, 0 flat. */
    public double size() {
        double s = 0;
        for (Trade t : broker.trades) s += t.size;
        return broker.toUnits(s);
    }

    /** Profit (loss) in cash of the open trades. */
    public double pl() {
        double s = 0;
        for (Trade t : broker.trades) s += t.pl();
        return s;
    }

    /** Profit (loss) in percent: the trades' returns weighted by their sizes. */
    public double plPct() {
        List<Trade> ts = broker.trades;
        double w = 0;
        for (Trade t : ts) w += Math.abs(t.size);
        if (w == 0) return 0;
        double s = 0;
        for (Trade t : ts) s += t.plPct() * Math.abs(t.size) / w;
        return s * 100;
    }

    public boolean isLong() { return size() > 0; }

    public boolean isShort() { return size() < 0; }

    public boolean isOpen() { return !broker.trades.isEmpty(); }

    /** Closes every open trade. */
    public void close() { close(1.0); }

    /** Closes {@code portion} of every open trade. */
    public void close(double portion) {
        for (Trade t : List.copyOf(broker.trades)) t.close(portion);
    }

    @Override public String toString() {
        return "Position[size=" + size() + ", pl=" + String.format("%.2f", pl()) + "]";
    }
}
