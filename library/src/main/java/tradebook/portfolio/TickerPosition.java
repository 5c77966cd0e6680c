package tradebook.portfolio;

import java.util.List;
import java.util.Locale;

/** The net of a ticker's open trades: {@code position("AAPL").size()}. */
public final class TickerPosition {
    private final Account account;
    private final int k;

    TickerPosition(Account account, int k) {
        this.account = account;
        this.k = k;
    }

    public String ticker() { return account.ticker(k); }

    /** Net units: positive long, negative short, 0 flat. */
    public double size() { return account.units[k]; }

    /** Market value at the latest close (negative for shorts). */
    public double value() { return account.units[k] * account.mark[k]; }

    /** Value as a fraction of the account's equity. */
    public double weight() { return value() / account.equityNow(); }

    /** Profit (loss) in cash of the open trades, less commissions paid. */
    public double pl() {
        double s = 0;
        for (PortfolioTrade t : account.openTrades.get(k)) s += t.pl();
        return s;
    }

    /** Profit (loss) in percent: the open trades' returns weighted by their sizes. */
    public double plPct() {
        List<PortfolioTrade> ts = account.openTrades.get(k);
        double w = 0, s = 0;
        for (PortfolioTrade t : ts) w += Math.abs(t.size);
        if (w == 0) return 0;
        for (PortfolioTrade t : ts) s += t.plPct() * Math.abs(t.size) / w;
        return s * 100;
    }

    public boolean isLong() { return size() > 0; }

    public boolean isShort() { return size() < 0; }

    public boolean isOpen() { return size() != 0; }

    /** Closes the whole position at the next fill. */
    public void close() { close(1); }

    /** Closes {@code portion} of every open trade of the ticker. */
    public void close(double portion) {
        for (PortfolioTrade t : List.copyOf(account.openTrades.get(k))) t.close(portion);
    }

    @Override public String toString() {
        return String.format(Locale.ROOT, "Position[%s, size=%s, value=%.2f, pl=%.2f]", ticker(), size(), value(), pl());
    }
}
