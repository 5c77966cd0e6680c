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
