package tradebook.backtest;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tradebook.data.Bars;
import tradebook.data.Series;

/**
 * A trading strategy: declare indicators in {@link #init()}, decide in {@link #next()}, which runs
 * once per bar (after the indicators' warm-up) with {@link #data()} showing bars up to the
 * current one. Parameters are {@link Param} fields.
 *
 * <pre>{@code
 * public class SmaCross extends Strategy {
 *     @Param public int n1 = 10, n2 = 20;
 *     Indicator fast, slow;
 *     public void init() {
 *         fast = I("SMA", Ta.sma(data().close().values(), n1));
 *         slow = I("SMA", Ta.sma(data().close().values(), n2));
 *     }
 *     public void next() {
 *         if (crossover(fast, slow)) { position().close(); buy(); }
 *         else if (crossover(slow, fast)) { position().close(); sell(); }
 *     }
 * }
 * }</pre>
 */
public abstract class Strategy {
    /** Backtesting.py's default order size: all available liquidity, just under 1. */
    public static final double FULL_EQUITY = 1 - Math.ulp(1.0);

    private Broker broker;
    private Bars data;
    private Position position;
    private final List<Indicator> indicators = new ArrayList<>();
    private Map<String, Object> storage;

    /** Declares indicators; called once before the first bar. Subclasses of library strategies call {@code super.init()}. */
    public void init() {
    }

    /** Called once per bar, a moment before the bar's close is final; place orders here. */
    public void next() {
    }

    final void bind(Broker broker, Bars data) {
        this.broker = broker;
        this.data = data;
        this.position = new Position(broker);
        BOUND.set(new java.lang.ref.WeakReference<>(this));
    }

    /** The strategy most recently bound on this thread (weakly held). */
    private static final ThreadLocal<java.lang.ref.WeakReference<Strategy>> BOUND = new ThreadLocal<>();

    /**
     * The strategy whose {@code init()} is running on this thread, or null: lets helpers such as
     * {@code resampleApply(rule, fn, series)} declare indicators as Python's do.
     */
    public static Strategy initializing() {
        java.lang.ref.WeakReference<Strategy> ref = BOUND.get();
        Strategy s = ref == null ? null : ref.get();
        return s != null && s.broker != null && s.broker.i < 0 ? s : null; // no bar processed yet: in init()
    }

    private Broker broker() {
        if (broker == null) throw new IllegalStateException("the strategy is not running: use new Backtest(data, " + getClass().getSimpleName() + ".class).run()");
        return broker;
    }

    /** The bars up to the current one (in {@code init()}: all bars). */
    public Bars data() {
        if (data == null) broker();
        return data;
    }

    // ---------------------------------------------------------------- indicators

    /** Declares an indicator from a full-length array (one value per bar; NaN while warming up). */
    public Indicator I(String name, double[] values) {
        return I(name, new double[][] {values});
    }

    public Indicator I(double[] values) {
        return I("I" + (indicators.size() + 1), values);
    }

    /** A multi-line indicator (e.g. Bollinger lower/mid/upper). */
    public Indicator I(String name, double[]... lines) {
        int n = data().size();
        if (lines.length == 0) throw new IllegalArgumentException("I(\"" + name + "\"): no values");
        for (int k = 0; k < lines.length; k++) {
            if (lines[k] == null) throw new IllegalArgumentException("I(\"" + name + "\"): line " + k + " is null");
            if (lines[k].length != n) {
                throw new IllegalArgumentException("I(\"" + name + "\"): " + lines[k].length + " values for " + n
                        + " bars; an indicator needs one value per bar (NaN where not yet known)");
            }
        }
        Indicator ind = new Indicator(name, lines, data());
        indicators.add(ind);
        return ind;
    }

    /** An indicator from any series of the same length (e.g. a data column). */
    public Indicator I(String name, Series series) {
        return I(name, series instanceof Indicator ? ((Indicator) series).arrays()[0] : series.values());
    }

    /** Indicators declared so far, in order. */
    public List<Indicator> indicators() {
        return Collections.unmodifiableList(indicators);
    }

    // ---------------------------------------------------------------- orders

    /** Order options: {@code buy(size(.5).sl(90))}. Size: 0..1 a fraction of liquidity, &ge; 1 whole units. */
    public OrderSpec size(double size) { return new OrderSpec().size(size); }

    public OrderSpec limit(double price) { return new OrderSpec().limit(price); }

    public OrderSpec stop(double price) { return new OrderSpec().stop(price); }

    public OrderSpec sl(double price) { return new OrderSpec().sl(price); }

    public OrderSpec tp(double price) { return new OrderSpec().tp(price); }

    public OrderSpec tag(String tag) { return new OrderSpec().tag(tag); }

    /** Buys with all available liquidity at the next open. */
    public Order buy() { return buy(new OrderSpec()); }

    public Order buy(OrderSpec spec) { return place(spec, 1); }

    /** Sells (short, or against a long unless hedging) with all available liquidity. */
    public Order sell() { return sell(new OrderSpec()); }

    public Order sell(OrderSpec spec) { return place(spec, -1); }

    private Order place(OrderSpec spec, int sign) {
        Broker b = broker();
        double size = spec.size;
        if (!(size > 0 && size < 1) && !(size >= 1 && isWhole(size / b.unit))) {
            throw new IllegalArgumentException("order size must be a positive fraction of equity (0 < size < 1) or a positive whole number of units"
                    + (b.unit != 1 ? " (multiples of " + b.unit + ")" : "") + ", got " + size);
        }
        double lots = size < 1 ? size : Math.rint(size / b.unit);
        return b.newOrder(sign * lots, spec.limit, spec.stop, spec.sl, spec.tp, spec.tag, null);
    }

    private static boolean isWhole(double x) {
        return Math.abs(x - Math.rint(x)) <= 1e-9 * Math.max(1, Math.abs(x));
    }

    // ---------------------------------------------------------------- account

    public Position position() {
        broker();
        return position;
    }

    /** Pending orders (including SL/TP orders of open trades). */
    public List<Order> orders() { return Collections.unmodifiableList(new ArrayList<>(broker().orders)); }

    /** Open trades. */
    public List<Trade> trades() { return Collections.unmodifiableList(new ArrayList<>(broker().trades)); }

    public List<Trade> closedTrades() { return Collections.unmodifiableList(new ArrayList<>(broker().closedTrades)); }

    /** Cash plus the value of open trades at the latest close. */
    public double equity() { return broker().equity(); }

    /**
     * A map kept across runs of a trade plan (incremental mode): remember state between bars
     * that arrive in separate runs. Values should be numbers, strings, booleans, lists or maps
     * (it is stored as JSON). In a plain backtest it is an empty map for this run.
     */
    public Map<String, Object> storage() {
        if (storage == null) storage = new LinkedHashMap<>();
        return storage;
    }

    final void useStorage(Map<String, Object> map) {
        this.storage = map;
    }

    /** Index of the current bar. */
    public int bar() { return data().size() - 1; }

    // ---------------------------------------------------------------- parameters

    /** The {@link Param} fields and their values. */
    public Map<String, Object> params() {
        return StrategyParams.values(this, Strategy.class);
    }

    static List<Field> paramFields(Class<?> cls) {
        return StrategyParams.fields(cls, Strategy.class);
    }

    @Override public String toString() {
        return StrategyParams.describe(this, Strategy.class);
    }
}
