package tradebook.portfolio;

import java.util.Locale;

/**
 * Limits every order must pass, the same in a backtest and a live plan: the checks are pure
 * functions of the proposed order and the account's holdings at the order's price, so whatever
 * places orders (the backtest's account, a broker adapter) asks the same questions.
 *
 * <ul>
 *   <li>{@link #maxWeight}: no ticker's value may exceed this fraction of equity after a fill;</li>
 *   <li>{@link #maxGrossExposure}: the sum of |position values| may not exceed this fraction of equity;</li>
 *   <li>{@link #drawdownStop}: once equity falls this fraction below its peak, every position is
 *       closed and the strategy stops trading.</li>
 * </ul>
 * Orders that reduce a position always pass. A blocked order is dropped, and the block is
 * logged with the rule's name and the figures ({@link RiskEvent}).
 *
 * <pre>{@code
 * new PortfolioBacktest(universe, Momentum.class)
 *         .risk(RiskRules.none().maxWeight(.25).maxGrossExposure(1).drawdownStop(.3));
 * }</pre>
 */
public final class RiskRules {
    public static final String MAX_WEIGHT = "max-weight";
    public static final String MAX_GROSS_EXPOSURE = "max-gross-exposure";
    public static final String DRAWDOWN_STOP = "drawdown-stop";

    private double maxWeight = Double.NaN, maxGross = Double.NaN, drawdownStop = Double.NaN;

    /** No limits (the default). */
    public static RiskRules none() {
        return new RiskRules();
    }

    /** Caps each ticker's value at this fraction of equity (e.g. .25). */
    public RiskRules maxWeight(double fraction) {
        if (!(fraction > 0)) throw new IllegalArgumentException("max weight must be a positive fraction of equity, got " + fraction);
        RiskRules r = copy();
        r.maxWeight = fraction;
        return r;
    }

    /** Caps the sum of absolute position values at this fraction of equity (1 = no leverage). */
    public RiskRules maxGrossExposure(double fraction) {
        if (!(fraction > 0)) throw new IllegalArgumentException("max gross exposure must be a positive fraction of equity, got " + fraction);
        RiskRules r = copy();
        r.maxGross = fraction;
        return r;
    }

    /** Flattens and halts once equity is this fraction below its peak (e.g. .2 for 20%). */
    public RiskRules drawdownStop(double fraction) {
        if (!(fraction > 0 && fraction < 1)) throw new IllegalArgumentException("drawdown stop must be in (0, 1), got " + fraction);
        RiskRules r = copy();
        r.drawdownStop = fraction;
        return r;
    }

    private RiskRules copy() {
        RiskRules r = new RiskRules();
        r.maxWeight = maxWeight;
        r.maxGross = maxGross;
        r.drawdownStop = drawdownStop;
        return r;
    }

    /** NaN when not set. */
    public double maxWeight() { return maxWeight; }

    public double maxGrossExposure() { return maxGross; }

    public double drawdownStop() { return drawdownStop; }

    /** What the checks need to know about an account. */
    public interface Holdings {
        /** Account equity (cash plus positions at current prices). */
        double equity();

        /** Number of tickers the account can hold. */
        int count();

        /** Units held of ticker {@code k}. */
        double units(int k);

        /** Current price of ticker {@code k}. */
        double price(int k);

        String ticker(int k);
    }

    /** Why an order was blocked: the rule's name and a sentence with the figures. */
    public record Block(String rule, String reason) {
        @Override public String toString() {
            return rule + ": " + reason;
        }
    }

    /**
     * Checks an order of {@code units} (signed) of ticker {@code k} at {@code price}; null if it
     * passes. Orders that do not increase the ticker's absolute position always pass.
     */
    public Block checkOrder(int k, double units, double price, Holdings h) {
        double before = h.units(k), after = before + units;
        if (Math.abs(after) <= Math.abs(before) && Math.signum(after) * Math.signum(before) >= 0) return null;
        double equity = h.equity();
        if (!Double.isNaN(maxWeight)) {
            double w = Math.abs(after) * price / equity;
            if (w > maxWeight + 1e-12) {
                return new Block(MAX_WEIGHT, String.format(Locale.ROOT, "%s %s %s at %.4f would make %s %.2f%% of equity %.2f (limit %.2f%%)",
                        units > 0 ? "buying" : "selling", num(Math.abs(units)), h.ticker(k), price, h.ticker(k), w * 100, equity, maxWeight * 100));
            }
        }
        if (!Double.isNaN(maxGross)) {
            double gross = 0;
            for (int j = 0; j < h.count(); j++) gross += j == k ? Math.abs(after) * price : Math.abs(h.units(j)) * h.price(j);
            double g = gross / equity;
            if (g > maxGross + 1e-12) {
                return new Block(MAX_GROSS_EXPOSURE, String.format(Locale.ROOT, "%s %s %s at %.4f would bring gross exposure to %.2f%% of equity %.2f (limit %.2f%%)",
                        units > 0 ? "buying" : "selling", num(Math.abs(units)), h.ticker(k), price, g * 100, equity, maxGross * 100));
            }
        }
        return null;
    }

    /** Whether equity is at or beyond the drawdown stop below {@code peak}; null if not. */
    public Block checkDrawdown(double peak, double equity) {
        if (Double.isNaN(drawdownStop) || !(peak > 0)) return null;
        double dd = 1 - equity / peak;
        if (dd + 1e-12 < drawdownStop) return null;
        return new Block(DRAWDOWN_STOP, String.format(Locale.ROOT, "equity %.2f is %.2f%% below its peak %.2f (limit %.2f%%): all positions closed, trading halted",
                equity, dd * 100, peak, drawdownStop * 100));
    }

    private static String num(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }

    @Override public String toString() {
        return "RiskRules[maxWeight=" + maxWeight + ", maxGrossExposure=" + maxGross + ", drawdownStop=" + drawdownStop + "]";
    }
}
