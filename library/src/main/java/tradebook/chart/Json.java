package tradebook.chart;

/** Just enough JSON writing for figures: numbers kept short, strings safe inside a script tag. */
final class Json {
    private Json() {}

    private static final double[] POW10 = new double[19];
    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
    }

    /** A number rounded to 7 significant digits (plenty for a chart, a third of the bytes); null for NaN. */
    static StringBuilder num(StringBuilder sb, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return sb.append("null");
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return sb.append((long) v);
        double a = Math.abs(v);
        int scale = 6 - (int) Math.floor(Math.log10(a));
        if (scale > 0 && scale < POW10.length) {
            double r = Math.round(v * POW10[scale]) / POW10[scale];
            if (r == Math.rint(r) && Math.abs(r) < 1e15) return sb.append((long) r);
            return sb.append(r);
        }
        return sb.append(v);
    }

    /** Arrays at least this long travel as base64 typed arrays (plotly.js 2.28+ reads them). */
    static final int TYPED_FROM = 64;

    /**
     * Values as Plotly reads them: short arrays as JSON numbers, long ones as base64 float32
     * ({@code {"dtype":"f4","bdata":...}}: 5.3 bytes a value, 7 significant digits, NaN a gap).
     */
    static StringBuilder values(StringBuilder sb, double[] a) {
        return a.length < TYPED_FROM ? nums(sb, a) : typed(sb, a, false);
    }

    /** Epoch-millisecond times: float64 (float32 would round them to minutes). */
    static StringBuilder times(StringBuilder sb, double[] a) {
        return a.length < TYPED_FROM ? nums(sb, a) : typed(sb, a, true);
    }

    /** Rows of equal length (customdata): nested arrays, or one float32 block with a shape. */
    static StringBuilder matrix(StringBuilder sb, double[][] rows) {
        int k = rows.length == 0 ? 0 : rows[0].length;
        if (rows.length * k < TYPED_FROM) {
            sb.append('[');
            for (int i = 0; i < rows.length; i++) {
                if (i > 0) sb.append(',');
                nums(sb, rows[i]);
            }
            return sb.append(']');
        }
        double[] flat = new double[rows.length * k];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, i * k, k);
        typed(sb, flat, false);
        sb.setLength(sb.length() - 1);
        return sb.append(",\"shape\":\"").append(rows.length).append(',').append(k).append("\"}");
    }

    private static StringBuilder typed(StringBuilder sb, double[] a, boolean f8) {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(a.length * (f8 ? 8 : 4)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (double v : a) {
            if (f8) buf.putDouble(v);
            else buf.putFloat((float) v);
        }
        return sb.append("{\"dtype\":\"").append(f8 ? "f8" : "f4").append("\",\"bdata\":\"")
                .append(java.util.Base64.getEncoder().encodeToString(buf.array())).append("\"}");
    }

    static StringBuilder nums(StringBuilder sb, double[] a) {
        sb.append('[');
        for (int i = 0; i < a.length; i++) {
            if (i > 0) sb.append(',');
            num(sb, a[i]);
        }
        return sb.append(']');
    }

    /** A JSON string; {@code <}, {@code >} and {@code &} escaped so the text can sit inside HTML script tags. */
    static StringBuilder str(StringBuilder sb, String s) {
        if (s == null) return sb.append("null");
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '<': sb.append("\\u003c"); break;
                case '>': sb.append("\\u003e"); break;
                case '&': sb.append("\\u0026"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
            }
        }
        return sb.append('"');
    }

    static String str(String s) {
        return str(new StringBuilder(), s).toString();
    }

    static StringBuilder strs(StringBuilder sb, Iterable<String> a) {
        sb.append('[');
        boolean first = true;
        for (String s : a) {
            if (!first) sb.append(',');
            first = false;
            str(sb, s);
        }
        return sb.append(']');
    }
}
