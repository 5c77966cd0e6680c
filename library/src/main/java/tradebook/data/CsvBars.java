package tradebook.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * Reads OHLCV CSV text. The time column is the one named Date/Datetime/Time/Timestamp (any case)
 * or the first column with an empty header (pandas' index); OHLCV columns are matched by name in
 * any case; other numeric columns are kept, text columns (e.g. {@code Name}) are ignored.
 *
 * <p>A row with an empty or non-positive price is skipped and reported by file, line and column;
 * an unparseable number is refused; an empty Volume becomes NaN and is reported. Nothing is invented.
 */
final class CsvBars {
    private CsvBars() {}

    static Bars read(String source, List<String> lines) {
        if (lines.isEmpty()) throw new DataException(source + ": empty file");
        String[] header = split(lines.get(0));
        int timeIdx = -1;
        for (int c = 0; c < header.length; c++) {
            String h = header[c].trim().toLowerCase(Locale.ROOT);
            if (h.equals("date") || h.equals("datetime") || h.equals("time") || h.equals("timestamp")) {
                timeIdx = c;
                break;
            }
        }
        if (timeIdx < 0) {
            for (int c = 0; c < header.length; c++) {
                if (header[c].trim().isEmpty()) {
                    timeIdx = c;
                    break;
                }
            }
        }
        if (timeIdx < 0) {
            throw new DataException(source + ": no time column: expected a column named Date, Datetime, Time or "
                    + "Timestamp, or a first column with an empty header (header: " + lines.get(0) + ")");
        }
        int[] ohlcvIdx = {-1, -1, -1, -1, -1};
        List<Integer> extraIdx = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            if (c == timeIdx) continue;
            int k = Bars.ohlcvIndex(header[c]);
            if (k >= 0) ohlcvIdx[k] = c;
            else extraIdx.add(c);
        }
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < 4; k++) if (ohlcvIdx[k] < 0) missing.add(Bars.OHLCV.get(k));
        if (!missing.isEmpty()) {
            throw new DataException(source + ": missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " (header: " + lines.get(0) + ")");
        }
        int cap = lines.size() - 1;
        long[] t = new long[cap];
        double[][] v = new double[5][cap];
        // Extra columns are kept only if every non-empty value is numeric.
        List<double[]> extraVals = new ArrayList<>();
        boolean[] extraNumeric = new boolean[extraIdx.size()];
        for (int e = 0; e < extraIdx.size(); e++) {
            extraVals.add(new double[cap]);
            extraNumeric[e] = true;
        }
        List<String> warnings = new ArrayList<>();
        int n = 0;
        int skipped = 0;
        for (int r = 1; r < lines.size(); r++) {
            String line = lines.get(r);
            if (line.isBlank()) continue;
            String[] f = split(line);
            int row = r + 1; // 1-based line number in the file
            if (f.length <= Math.max(timeIdx, max(ohlcvIdx))) {
                f = pad(f, header.length);
            }
            String ts = f[timeIdx].trim();
            long millis;
            try {
                millis = parseTime(ts);
            } catch (RuntimeException ex) {
                throw new DataException(source + " line " + row + ": cannot read time '" + ts
                        + "' (expected e.g. 2004-08-19 or 2017-04-19 09:00:00)");
            }
            List<String> empty = new ArrayList<>();
            List<String> nonPositive = new ArrayList<>();
            boolean bad = false;
            for (int k = 0; k < 5; k++) {
                if (ohlcvIdx[k] < 0) {
                    v[k][n] = Double.NaN;
                    continue;
                }
                String s = f[ohlcvIdx[k]].trim();
                if (s.isEmpty() || s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("null")) {
                    v[k][n] = Double.NaN;
                    if (k < 4) bad = true;
                    empty.add(Bars.OHLCV.get(k));
                    continue;
                }
                try {
                    v[k][n] = Double.parseDouble(s);
                } catch (NumberFormatException ex) {
                    throw new DataException(source + " line " + row + " (" + ts + "): " + Bars.OHLCV.get(k)
                            + " is '" + s + "', not a number");
                }
                if (k < 4 && !(v[k][n] > 0 && v[k][n] < Double.POSITIVE_INFINITY)) {
                    nonPositive.add(Bars.OHLCV.get(k) + " is " + s);
                    bad = true;
                }
            }
            if (bad) {
                skipped++;
                List<String> why = new ArrayList<>();
                if (!empty.isEmpty()) why.add("empty " + String.join(", ", empty));
                if (!nonPositive.isEmpty()) why.add(String.join(", ", nonPositive) + " (prices must be positive)");
                warnings.add(source + " line " + row + " (" + ts + "): " + String.join("; ", why) + " - row skipped");
                continue;
            }
            if (!empty.isEmpty()) {
                warnings.add(source + " line " + row + " (" + ts + "): empty Volume - kept as NaN");
            }
            for (int e = 0; e < extraIdx.size(); e++) {
                int c = extraIdx.get(e);
                String s = c < f.length ? f[c].trim() : "";
                if (s.isEmpty()) {
                    extraVals.get(e)[n] = Double.NaN;
                    continue;
                }
                try {
                    extraVals.get(e)[n] = Double.parseDouble(s);
                } catch (NumberFormatException ex) {
                    extraNumeric[e] = false;
                }
            }
            t[n] = millis;
            n++;
        }
        if (n == 0) throw new DataException(source + ": no complete rows" + (skipped > 0 ? " (" + skipped + " skipped)" : ""));
        LinkedHashMap<String, double[]> extra = new LinkedHashMap<>();
        for (int e = 0; e < extraIdx.size(); e++) {
            if (extraNumeric[e]) extra.put(header[extraIdx.get(e)].trim(), trim(extraVals.get(e), n));
        }
        String name = source.endsWith(".csv") ? source.substring(0, source.length() - 4) : source;
        return new Bars(name, trim(t, n), trim(v[0], n), trim(v[1], n), trim(v[2], n), trim(v[3], n),
                ohlcvIdx[4] < 0 ? null : trim(v[4], n), extra, warnings);
    }

    private static int max(int[] a) {
        int m = -1;
        for (int x : a) m = Math.max(m, x);
        return m;
    }

    private static String[] pad(String[] f, int len) {
        String[] out = new String[Math.max(len, f.length)];
        for (int i = 0; i < out.length; i++) out[i] = i < f.length ? f[i] : "";
        return out;
    }

    private static double[] trim(double[] a, int n) {
        return a.length == n ? a : java.util.Arrays.copyOf(a, n);
    }

    private static long[] trim(long[] a, int n) {
        return a.length == n ? a : java.util.Arrays.copyOf(a, n);
    }

    /** Splits on commas; a field in double quotes may hold commas. */
    static String[] split(String line) {
        if (line.indexOf('"') < 0) return line.split(",", -1);
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') q = !q;
            else if (ch == ',' && !q) {
                out.add(cur.toString());
                cur.setLength(0);
            } else cur.append(ch);
        }
        out.add(cur.toString());
        return out.toArray(new String[0]);
    }

    /** Dates, date-times with space or T, optional seconds/fraction, optional offset (made UTC). */
    static long parseTime(String s) {
        if (s.length() == 10) return Bars.millis(LocalDate.parse(s).atStartOfDay());
        String iso = s.replace(' ', 'T');
        try {
            return Bars.millis(LocalDateTime.parse(iso));
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                    .toInstant(ZoneOffset.UTC).toEpochMilli();
        }
    }
}
