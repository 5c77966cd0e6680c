package tradebook.portfolio;

import java.time.LocalDateTime;
import java.util.Locale;

/**
 * A trade in one ticker: opened by a fill, closed (wholly or in part, oldest first) by fills in
 * the other direction. Sizes are units, negative for shorts. Commissions are what the account
 * actually paid for this trade's units, on entry and exit.
 */
public final class PortfolioTrade {
    final Account account;
    final int k;
    double size;
    final double entryPrice;
    final int entryBar;
    double exitPrice = Double.NaN;
    int exitBar = -1;
    double entryCommission, exitCommission;
    final String tag;

    PortfolioTrade(Account account, int k, double size, double entryPrice, int entryBar, double entryCommission, String tag) {
        this.account = account;
        this.k = k;
        this.size = size;
        this.entryPrice = entryPrice;
        this.entryBar = entryBar;
        this.entryCommission = entryCommission;
        this.tag = tag;
    }

    public String ticker() { return account.ticker(k); }

    public double size() { return size; }

    public double entryPrice() { return entryPrice; }

    /** NaN while open. */
    public double exitPrice() { return exitPrice; }

    public int entryBar() { return entryBar; }

    /** -1 while open. */
    public int exitBar() { return exitBar; }

    public LocalDateTime entryTime() { return account.time(entryBar); }

    /** Null while open. */
    public LocalDateTime exitTime() { return exitBar < 0 ? null : account.time(exitBar); }

    public String tag() { return tag; }

    public boolean isLong() { return size > 0; }

    public boolean isShort() { return size < 0; }

    public boolean isOpen() { return exitBar < 0; }

    /** Commissions paid for this trade so far (entry, and exit once closed). */
    public double commissions() { return entryCommission + exitCommission; }

    private double price() {
        return isOpen() ? account.mark[k] : exitPrice;
    }

    /** Profit (loss if negative) in cash, at the exit price or else the latest close, less commissions. */
    public double pl() {
        return size * (price() - entryPrice) - commissions();
    }

    /** Profit as a fraction of the entry value, less commissions. */
    public double plPct() {
        return Math.signum(size) * (price() / entryPrice - 1) - commissions() / (Math.abs(size) * entryPrice);
    }

    /** Value (absolute) at the exit price or the latest close. */
    public double value() {
        return Math.abs(size) * price();
    }

    /** Closes this trade at the next fill. */
    public void close() {
        close(1);
    }

    /** Closes {@code portion} (0 &lt; portion &le; 1) of this trade, at least one unit. */
    public void close(double portion) {
        if (!isOpen()) throw new IllegalStateException("trade is closed: " + this);
        if (!(portion > 0 && portion <= 1)) throw new IllegalArgumentException("portion must be in (0, 1], got " + portion);
        double u = account.unit;
        double units = portion == 1 ? Math.abs(size) : Math.max(u, Math.rint(Math.abs(size) * portion / u) * u);
        account.orders.add(0, new PortfolioOrder(account, k, -Math.signum(size) * units, Double.NaN, Double.NaN, tag, this, "strategy"));
    }

    @Override public String toString() {
        return String.format(Locale.ROOT, "PortfolioTrade[%s, size=%s, bars %d-%s, price %.4f-%s, pl=%.2f%s]", ticker(), size, entryBar,
                exitBar < 0 ? "" : String.valueOf(exitBar), entryPrice, Double.isNaN(exitPrice) ? "" : String.format(Locale.ROOT, "%.4f", exitPrice),
                pl(), tag == null ? "" : ", tag=" + tag);
    }
}
