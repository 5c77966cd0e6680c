package tradebook.portfolio;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Target weights of the portfolio, as fractions of equity, that {@code rebalance()} trades towards
 * (Minitrade's allocation). Each {@code next()} starts by saying where the weights start from:
 * {@link #assumeZero()} (all 0) or {@link #assumePrevious()} (those of the last rebalance); then
 * set weights directly ({@link #set}) or through named {@link Bucket}s.
 *
 * <pre>{@code
 * alloc().assumeZero();
 * TickerValues roc = this.roc.last();
 * alloc().bucket("equity").append(roc.rankDescending(), roc.above(0)).trim(3).weightEqually().apply();
 * rebalance();
 * }</pre>
 *
 * Weights are never negative and never sum to more than 1; breaking either fails at once, naming
 * the weights. Weights persist from bar to bar until changed.
 */
public final class Allocation {
    private final String[] tickers;
    private final Map<String, Integer> position = new HashMap<>();
    final double[] weights;
    final double[] previous;
    boolean hasPrevious;
    private boolean initialized;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>();

    Allocation(List<String> tickers) {
        this.tickers = tickers.toArray(new String[0]);
        for (int k = 0; k < this.tickers.length; k++) position.put(this.tickers[k], k);
        this.weights = new double[this.tickers.length];
        this.previous = new double[this.tickers.length];
    }

    /** Called by the engine before each {@code next()}. */
    void nextBar() {
        initialized = false;
        buckets.clear();
    }

    public List<String> tickers() {
        return List.of(tickers);
    }

    int indexOf(String ticker) {
        Integer k = position.get(ticker);
        if (k == null) throw new IllegalArgumentException("no ticker '" + ticker + "' in the universe; have " + List.of(tickers));
        return k;
    }

    /** Current target weights of every ticker, in universe order. */
    public Map<String, Double> weights() {
        return asMap(weights);
    }

    /** The weights of the last rebalance (all 0 before the first). */
    public Map<String, Double> previousWeights() {
        return asMap(previous);
    }

    private Map<String, Double> asMap(double[] w) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < tickers.length; k++) m.put(tickers[k], w[k]);
        return m;
    }

    public double weight(String ticker) {
        return weights[indexOf(ticker)];
    }

    /** 1 minus the sum of the weights: what is left to allocate. */
    public double unallocated() {
        double s = 0;
        for (double w : weights) s += w;
        return 1 - s;
    }

    /** Starts this bar's allocation from all weights 0. */
    public Allocation assumeZero() {
        java.util.Arrays.fill(weights, 0);
        initialized = true;
        return this;
    }

    /** Starts this bar's allocation from the weights of the last rebalance. */
    public Allocation assumePrevious() {
        System.arraycopy(previous, 0, weights, 0, weights.length);
        initialized = true;
        return this;
    }

    void requireInitialized(String what) {
        if (!initialized) {
            throw new IllegalStateException(what + ": call alloc().assumeZero() or alloc().assumePrevious() first in this next(), "
                    + "to say whether the weights start from 0 or from the last rebalance");
        }
    }

    /** Sets one ticker's weight (0 closes it at the next rebalance). */
    public Allocation set(String ticker, double weight) {
        requireInitialized("alloc().set(\"" + ticker + "\", " + weight + ")");
        checkWeight(ticker, weight);
        weights[indexOf(ticker)] = weight;
        validate("after alloc().set(\"" + ticker + "\", " + weight + ")");
        return this;
    }

    /** Sets the weights of the given tickers; others keep theirs. */
    public Allocation set(Map<String, Double> tickerWeights) {
        requireInitialized("alloc().set(" + tickerWeights + ")");
        double[] before = weights.clone();
        tickerWeights.forEach((t, w) -> {
            checkWeight(t, w);
            weights[indexOf(t)] = w;
        });
        try {
            validate("after alloc().set(" + tickerWeights + ")");
        } catch (IllegalArgumentException e) {
            System.arraycopy(before, 0, weights, 0, weights.length);
            throw e;
        }
        return this;
    }

    /** Scales the weights so they sum to 1 (no change when all are 0). */
    public Allocation normalize() {
        requireInitialized("alloc().normalize()");
        double s = 0;
        for (double w : weights) s += w;
        if (s > 0) for (int k = 0; k < weights.length; k++) weights[k] /= s;
        return this;
    }

    /** A named bucket of tickers for this bar (created on first use, emptied each bar). */
    public Bucket bucket(String name) {
        return buckets.computeIfAbsent(name, n -> new Bucket(this, n));
    }

    /**
     * The short form: {@code alloc().add(tickers).equalWeight()} gives the tickers equal weights
     * summing to what is unallocated. Each call makes a new unnamed bucket. Starts from all
     * weights 0 if this bar has not said otherwise.
     */
    public Bucket add(Collection<String> tickers) {
        if (!initialized) assumeZero();
        return new Bucket(this, "add").append(tickers);
    }

    public Bucket add(String... tickers) {
        return add(List.of(tickers));
    }

    static void checkWeight(String ticker, double w) {
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("weight of " + ticker + " is " + w + ": weights are fractions of equity, 0 or more (no shorts through the allocation)");
        }
    }

    /** Fails unless every weight is finite and non-negative and they sum to at most 1. */
    void validate(String when) {
        double s = 0;
        for (int k = 0; k < weights.length; k++) {
            checkWeight(tickers[k], weights[k]);
            s += weights[k];
        }
        if (s > 1 + 1e-9) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "weights sum to %.6f (more than 1) %s: %s; lower them or call normalize()",
                    s, when, nonZero(weights)));
        }
    }

    String nonZero(double[] w) {
        StringBuilder sb = new StringBuilder("{");
        for (int k = 0; k < w.length; k++) {
            if (w[k] == 0) continue;
            if (sb.length() > 1) sb.append(", ");
            sb.append(tickers[k]).append('=').append(String.format(Locale.ROOT, "%.6g", w[k]));
        }
        return sb.append('}').toString();
    }

    @Override public String toString() {
        return "Allocation" + nonZero(weights) + String.format(Locale.ROOT, ", unallocated %.4f", unallocated());
    }
}
