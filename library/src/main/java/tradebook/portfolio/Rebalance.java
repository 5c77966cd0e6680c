package tradebook.portfolio;

/**
 * Options of {@code rebalance(...)}, built fluently in the strategy:
 * {@code rebalance(cashReserve(.05).force(true))}.
 *
 * <ul>
 *   <li>{@code force} (default false): trade even when the weights have not changed since the last
 *       rebalance (then positions that drifted are brought back to their weights);</li>
 *   <li>{@code rtol} (default .02), {@code atol} (default 0): without force, the weights count as
 *       unchanged when every |weight - previous| &le; atol + rtol &times; |previous|;</li>
 *   <li>{@code cashReserve} (default .1): the fraction of equity kept as cash: the target value of a
 *       ticker is weight &times; equity &times; (1 - cashReserve);</li>
 *   <li>{@code lotSize} (default: the backtest's): units are bought and sold in whole lots.</li>
 * </ul>
 */
public final class Rebalance {
    boolean force;
    double rtol = .02, atol = 0, cashReserve = .1;
    double lotSize = Double.NaN;

    public Rebalance force(boolean force) {
        this.force = force;
        return this;
    }

    public Rebalance rtol(double rtol) {
        if (!(rtol >= 0)) throw new IllegalArgumentException("rtol must be 0 or more, got " + rtol);
        this.rtol = rtol;
        return this;
    }

    public Rebalance atol(double atol) {
        if (!(atol >= 0)) throw new IllegalArgumentException("atol must be 0 or more, got " + atol);
        this.atol = atol;
        return this;
    }

    public Rebalance cashReserve(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) throw new IllegalArgumentException("cash reserve must be in [0, 1), got " + fraction);
        this.cashReserve = fraction;
        return this;
    }

    public Rebalance lotSize(double units) {
        if (!(units > 0)) throw new IllegalArgumentException("lot size must be positive, got " + units);
        this.lotSize = units;
        return this;
    }

    Rebalance copy() {
        Rebalance r = new Rebalance();
        r.force = force;
        r.rtol = rtol;
        r.atol = atol;
        r.cashReserve = cashReserve;
        r.lotSize = lotSize;
        return r;
    }

    @Override public String toString() {
        return "Rebalance[force=" + force + ", rtol=" + rtol + ", atol=" + atol + ", cashReserve=" + cashReserve
                + (Double.isNaN(lotSize) ? "" : ", lotSize=" + lotSize) + "]";
    }
}
