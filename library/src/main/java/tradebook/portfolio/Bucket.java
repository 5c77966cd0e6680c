package tradebook.portfolio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A named, ordered group of tickers that receives weights and merges them into the
 * {@link Allocation} (Minitrade's bucket). Build it from ranked lists and conditions, cut it to
 * size, weight it, apply it:
 *
 * <pre>{@code
 * alloc().bucket("equity")
 *        .append(roc.rankDescending(), roc.above(0))   // ranked, only those with positive ROC
 *        .remove(t -> t.equals("GE"))                    // drop some
 *        .trim(5)                                        // keep the first 5
 *        .weightEqually()                                // share what is unallocated equally
 *        .apply(OVERWRITE);                              // or UPDATE (default), ACCUMULATE
 * }</pre>
 */
public final class Bucket {
    private final Allocation alloc;
    private final String name;
    private final List<String> tickers = new ArrayList<>();
    private final boolean[] member; // by the allocation's ticker index
    private double[] weights; // per ticker in order, once weighted

    Bucket(Allocation alloc, String name) {
        this.alloc = alloc;
        this.name = name;
        this.member = new boolean[alloc.tickers().size()];
    }

    public String name() { return name; }

    /** The bucket's tickers, in order. */
    public List<String> tickers() { return List.copyOf(tickers); }

    /** The bucket's weights by ticker (empty until weighted). */
    public Map<String, Double> weights() {
        Map<String, Double> m = new LinkedHashMap<>();
        if (weights != null) for (int k = 0; k < tickers.size(); k++) m.put(tickers.get(k), weights[k]);
        return m;
    }

    /** Appends, in order, the tickers that meet every condition (tickers already in the bucket are skipped). */
    @SafeVarargs
    public final Bucket append(Collection<String> ranked, Predicate<String>... conditions) {
        for (String t : ranked) {
            int k = alloc.indexOf(t);
            if (member[k]) continue;
            boolean ok = true;
            for (Predicate<String> c : conditions) ok &= c.test(t);
            if (ok) {
                tickers.add(t);
                member[k] = true;
            }
        }
        weights = null;
        return this;
    }

    public Bucket append(String... tickers) {
        return append(List.of(tickers));
    }

    /** Removes the tickers that meet every condition. */
    @SafeVarargs
    public final Bucket remove(Predicate<String>... conditions) {
        if (conditions.length == 0) throw new IllegalArgumentException("remove(): give at least one condition or ticker");
        tickers.removeIf(t -> {
            for (Predicate<String> c : conditions) if (!c.test(t)) return false;
            member[alloc.indexOf(t)] = false;
            return true;
        });
        weights = null;
        return this;
    }

    public Bucket remove(String... tickers) {
        for (String t : tickers) member[alloc.indexOf(t)] = false;
        this.tickers.removeAll(List.of(tickers));
        weights = null;
        return this;
    }

    /** Keeps the first {@code n} tickers. */
    public Bucket trim(int n) {
        if (n < 0) throw new IllegalArgumentException("trim(" + n + "): the count must be 0 or more");
        while (tickers.size() > n) member[alloc.indexOf(tickers.remove(tickers.size() - 1))] = false;
        weights = null;
        return this;
    }

    /** Equal weights summing to what the allocation has unallocated now. */
    public Bucket weightEqually() {
        return weightEqually(alloc.unallocated());
    }

    /** Equal weights summing to {@code sum}. */
    public Bucket weightEqually(double sum) {
        checkSum(sum);
        int m = tickers.size();
        double[] w = new double[m];
        for (int k = 0; k < m; k++) w[k] = sum / m;
        return weighted(w);
    }

    /** The same weight for every ticker of the bucket. */
    public Bucket weightExplicitly(double each) {
        double[] w = new double[tickers.size()];
        java.util.Arrays.fill(w, each);
        return weighted(w);
    }

    /** One weight per ticker, in the bucket's order (extra weights are ignored, as after a trim). */
    public Bucket weightExplicitly(double... perTicker) {
        if (perTicker.length < tickers.size()) {
            throw new IllegalArgumentException("bucket '" + name + "' has " + tickers.size() + " tickers " + tickers + " but "
                    + perTicker.length + " weights were given");
        }
        return weighted(java.util.Arrays.copyOf(perTicker, tickers.size()));
    }

    /** Weights by ticker; tickers of the bucket not in the map get 0. */
    public Bucket weightExplicitly(Map<String, Double> byTicker) {
        double[] w = new double[tickers.size()];
        for (int k = 0; k < w.length; k++) w[k] = byTicker.getOrDefault(tickers.get(k), 0.0);
        return weighted(w);
    }

    /** Weights proportional to {@code relative} (one per ticker, in order), summing to what is unallocated. */
    public Bucket weightProportionally(double... relative) {
        return weightProportionally(relative, alloc.unallocated());
    }

    /** Weights proportional to each ticker's value in {@code relative}, summing to what is unallocated. */
    public Bucket weightProportionally(TickerValues relative) {
        double[] r = new double[tickers.size()];
        for (int k = 0; k < r.length; k++) r[k] = relative.get(tickers.get(k));
        return weightProportionally(r, alloc.unallocated());
    }

    /** Weights proportional to {@code relative}, summing to {@code sum}. */
    public Bucket weightProportionally(double[] relative, double sum) {
        checkSum(sum);
        if (relative.length < tickers.size()) {
            throw new IllegalArgumentException("bucket '" + name + "' has " + tickers.size() + " tickers but " + relative.length + " relative weights");
        }
        double total = 0;
        for (int k = 0; k < tickers.size(); k++) {
            double r = relative[k];
            if (!(r >= 0) || Double.isInfinite(r)) {
                throw new IllegalArgumentException("relative weight of " + tickers.get(k) + " is " + r + "; they must be finite and 0 or more");
            }
            total += r;
        }
        double[] w = new double[tickers.size()];
        if (total > 0) for (int k = 0; k < w.length; k++) w[k] = sum * relative[k] / total;
        return weighted(w);
    }

    private void checkSum(double sum) {
        if (!(sum >= -1e-12 && sum <= 1 + 1e-9)) {
            throw new IllegalArgumentException("bucket '" + name + "': weights must sum to between 0 and 1, asked for " + sum);
        }
    }

    private Bucket weighted(double[] w) {
        double s = 0;
        for (int k = 0; k < w.length; k++) {
            Allocation.checkWeight(tickers.get(k), w[k]);
            s += w[k];
        }
        if (s > 1 + 1e-9) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "bucket '%s': weights sum to %.6f (more than 1): %s", name, s, weightsText(w)));
        }
        this.weights = w;
        return this;
    }

    private String weightsText(double[] w) {
        StringBuilder sb = new StringBuilder("{");
        for (int k = 0; k < w.length; k++) {
            if (k > 0) sb.append(", ");
            sb.append(tickers.get(k)).append('=').append(String.format(Locale.ROOT, "%.6g", w[k]));
        }
        return sb.append('}').toString();
    }

    /** Merges the weights into the allocation, updating the bucket's tickers only. */
    public Allocation apply() {
        return apply(ApplyMode.UPDATE);
    }

    /** Merges the weights into the allocation; the result must still sum to at most 1. */
    public Allocation apply(ApplyMode mode) {
        alloc.requireInitialized("bucket '" + name + "'.apply()");
        if (weights == null) {
            throw new IllegalStateException("bucket '" + name + "' has no weights yet: call weightEqually(), weightExplicitly(...) or weightProportionally(...) before apply()");
        }
        double[] w = alloc.weights;
        double[] before = w.clone();
        if (mode == ApplyMode.OVERWRITE) java.util.Arrays.fill(w, 0);
        for (int k = 0; k < tickers.size(); k++) {
            int j = alloc.indexOf(tickers.get(k));
            w[j] = mode == ApplyMode.ACCUMULATE ? w[j] + weights[k] : weights[k];
        }
        try {
            alloc.validate("after applying bucket '" + name + "' (" + mode + ")");
        } catch (IllegalArgumentException e) {
            System.arraycopy(before, 0, w, 0, w.length);
            throw e;
        }
        return alloc;
    }

    /** Short form: equal weights summing to what is unallocated, applied with {@link ApplyMode#UPDATE}. */
    public Allocation equalWeight() {
        return weightEqually().apply(ApplyMode.UPDATE);
    }

    @Override public String toString() {
        return "Bucket[" + name + ", " + (weights == null ? tickers.toString() : weightsText(weights)) + "]";
    }
}
