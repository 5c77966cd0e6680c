package tradebook.ta;

/**
 * Technical indicators over {@code double[]}: full-length results, NaN while warming up, ready
 * for {@code I(...)}.
 */
public final class Ta {
    private Ta() {}

    /** SMA of a price column or indicator, read without copying: {@code Ta.sma(data().close(), 10)}. */
    public static double[] sma(tradebook.data.Series x, int n) {
        return sma(x instanceof tradebook.data.Column ? ((tradebook.data.Column) x).array() : x.values(), n);
    }

    /** Simple moving average of the last {@code n} values (pandas' {@code rolling(n).mean()}). */
    public static double[] sma(double[] x, int n) {
        if (n < 1) throw new IllegalArgumentException("sma period must be at least 1, got " + n);
        double[] out = new double[x.length];
        java.util.Arrays.fill(out, Double.NaN);
        // Running sum with Neumaier compensation: O(n) and as exact as summing each window.
        double sum = 0, comp = 0;
        int nan = 0;
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (Double.isNaN(v)) nan++;
            else {
                double t = sum + v;
                comp += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
                sum = t;
            }
            if (i >= n) {
                double o = x[i - n];
                if (Double.isNaN(o)) nan--;
                else {
                    double t = sum - o;
                    comp += Math.abs(sum) >= Math.abs(o) ? (sum - t) - o : (-o - t) + sum;
                    sum = t;
                }
            }
            if (i >= n - 1 && nan == 0) out[i] = (sum + comp) / n;
        }
        return out;
    }
}
