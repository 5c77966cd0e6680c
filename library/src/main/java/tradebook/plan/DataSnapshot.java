package tradebook.plan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tradebook.data.Bars;

/**
 * The bars a run used, kept (gzip CSV: ticker,date,open,high,low,close,volume) so the next strict
 * run can tell whether history changed. {@link #firstChange} compares everything but the last bar
 * of the older snapshot (it was partial then) and volume (revised routinely), with a relative
 * tolerance of 1e-5.
 */
public final class DataSnapshot {
    public static final double TOLERANCE = 1e-5;

    private DataSnapshot() {}

    public static byte[] encode(Map<String, Bars> data) {
        StringBuilder sb = new StringBuilder("Ticker,Date,Open,High,Low,Close,Volume\n");
        for (Map.Entry<String, Bars> e : data.entrySet()) {
            Bars b = e.getValue();
            double[] o = b.open().array(), h = b.high().array(), l = b.low().array(), c = b.close().array();
            double[] v = b.hasVolume() ? b.volume().array() : null;
            for (int i = 0; i < b.size(); i++) {
                sb.append(e.getKey()).append(',').append(b.time(i).toLocalDate()).append(',');
                sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s%n", o[i], h[i], l[i], c[i], v == null ? "" : v[i]));
            }
        }
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bos.toByteArray();
    }

    /** ticker -> date -> {open, high, low, close}. */
    static Map<String, TreeMap<LocalDate, double[]>> decode(byte[] gz) {
        String text;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PlanException("the data snapshot of the last good run cannot be read: " + e.getMessage(), e);
        }
        Map<String, TreeMap<LocalDate, double[]>> out = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int k = 1; k < lines.length; k++) {
            String[] f = lines[k].split(",", -1);
            if (f.length < 6) continue;
            out.computeIfAbsent(f[0], t -> new TreeMap<>()).put(LocalDate.parse(f[1]),
                    new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])});
        }
        return out;
    }

    /** The first difference per ticker between an older snapshot and today's bars, as readable lines; empty when none. */
    public static List<String> changes(byte[] older, Map<String, Bars> now) {
        List<String> out = new ArrayList<>();
        String[] names = {"Open", "High", "Low", "Close"};
        Map<String, TreeMap<LocalDate, double[]>> before = decode(older);
        for (Map.Entry<String, TreeMap<LocalDate, double[]>> e : before.entrySet()) {
            Bars b = now.get(e.getKey());
            if (b == null) continue; // a ticker dropped from the plan
            Map<LocalDate, Integer> idx = new TreeMap<>();
            for (int i = 0; i < b.size(); i++) idx.put(b.time(i).toLocalDate(), i);
            LocalDate last = e.getValue().lastKey();
            Optional<String> first = Optional.empty();
            for (Map.Entry<LocalDate, double[]> bar : e.getValue().entrySet()) {
                if (bar.getKey().equals(last)) break; // the older run's last bar was partial
                Integer i = idx.get(bar.getKey());
                if (i == null) {
                    if (bar.getKey().isBefore(b.time(0).toLocalDate())) continue; // before today's range
                    first = Optional.of(e.getKey() + " " + bar.getKey() + ": the bar is gone");
                    break;
                }
                double[] nowVals = {b.open().array()[i], b.high().array()[i], b.low().array()[i], b.close().array()[i]};
                for (int c = 0; c < 4 && first.isEmpty(); c++) {
                    double was = bar.getValue()[c], is = nowVals[c];
                    if (!(Math.abs(was - is) <= TOLERANCE * Math.max(1, Math.abs(was)))) {
                        first = Optional.of(e.getKey() + " " + bar.getKey() + ": " + names[c] + " was " + was + ", now " + is);
                    }
                }
                if (first.isPresent()) break;
            }
            first.ifPresent(out::add);
        }
        return out;
    }
}
