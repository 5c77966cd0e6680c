package tradebook.live.console;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import tradebook.plan.Fill;
import tradebook.plan.PlanOrder;
import tradebook.plan.Store;
import tradebook.plan.StoredPlan;

/**
 * A fill of a manual-broker order typed into the console. Every field is checked first; only a
 * fully valid fill is written (one call to the store), so bad input changes nothing.
 */
final class ManualFills {
    private ManualFills() {}

    static Fill record(Store store, String orderId, String priceText, String sizeText, String timeText, String commissionText) {
        if (orderId == null || orderId.isBlank()) throw new FormException("order: missing");
        PlanOrder o = store.order(orderId.strip()).orElseThrow(() -> new FormException("order " + orderId + ": no such order"));
        String[] acct = store.brokerAccount(o.broker()).orElse(new String[] {o.broker(), "{}"});
        if (!"manual".equals(acct[0])) throw new FormException("order " + o.id() + " went to the " + acct[0] + " broker: only manual orders take fills by hand");
        if (!o.isLive()) throw new FormException("order " + o.id() + " is " + o.status() + ": nothing to fill");
        double price = number("price", priceText, false);
        if (!(price > 0)) throw new FormException("price: must be greater than 0, got " + priceText.strip());
        double units = sizeText == null || sizeText.isBlank() ? o.size() : number("size", sizeText, false);
        if (o.size() < 0 && units > 0 && !sizeText.strip().startsWith("+")) units = -units;   // "5" of a sell order means 5 sold
        if (units == 0 || Math.signum(units) != Math.signum(o.size()) || Math.abs(units) > Math.abs(o.size()) + 1e-9) {
            throw new FormException("size: " + sizeText.strip() + " does not fit order " + o.id() + " of " + fmt(o.size()) + " (same sign, at most the order's size)");
        }
        double commission = commissionText == null || commissionText.isBlank() ? 0 : number("commission", commissionText, true);
        if (commission < 0) throw new FormException("commission: must not be negative");
        ZoneId zone = store.plans().stream().filter(p -> p.id() == o.planId()).findFirst().map(StoredPlan::plan).map(p -> p.zone()).orElse(ZoneId.of("UTC"));
        Instant at = time(timeText, zone);
        if (at.isAfter(Instant.now().plusSeconds(60))) throw new FormException("time: " + timeText.strip() + " is in the future");
        Fill f = new Fill("manual-" + o.id(), o.id(), o.ticker(), units, price, commission, at, "manual");
        store.recordFills(List.of(f));
        return f;
    }

    private static double number(String field, String text, boolean zeroOk) {
        if (text == null || text.isBlank()) throw new FormException(field + ": missing");
        try {
            double d = Double.parseDouble(text.strip());
            if (Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new FormException(field + ": '" + text.strip() + "' is not a number");
        }
    }

    static Instant time(String t, ZoneId zone) {
        if (t == null || t.isBlank()) return Instant.now();
        try {
            return Instant.parse(t.strip());
        } catch (DateTimeParseException notInstant) {
            // a local date-time in the plan's zone
        }
        try {
            String s = t.strip().replace(' ', 'T');
            if (s.length() == 10) s += "T16:00";
            return LocalDateTime.parse(s).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new FormException("time: '" + t.strip() + "' is not a time (use 2024-01-04 15:59 in " + zone + ", or an ISO instant)");
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
    }
}
