package tradebook.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's account as its recorded fills say: the initial cash and holdings plus every fill
 * (units, average cost, cash after commissions). Incremental runs start from this.
 */
public record Ledger(double cash, Map<String, Double> units, Map<String, Double> avgPrice, double commissions, int fillCount) {

    public static Ledger of(TradePlan plan, List<Fill> fills) {
        double cash = plan.cash(), comm = 0;
        Map<String, Double> units = new LinkedHashMap<>(), avg = new LinkedHashMap<>();
        for (String t : plan.tickers()) {
            units.put(t, plan.holdings().getOrDefault(t, 0.0));
            avg.put(t, Double.NaN); // initial holdings have no known cost: the run prices them at the last close
        }
        for (Fill f : fills) {
            double u0 = units.getOrDefault(f.ticker(), 0.0), a0 = avg.getOrDefault(f.ticker(), Double.NaN);
            double u1 = u0 + f.size();
            double a1;
            if (Math.abs(u1) < 1e-12) a1 = Double.NaN;
            else if (u0 == 0 || Math.signum(u0) != Math.signum(u1)) a1 = f.price();                 // opened or flipped
            else if (Math.abs(u1) > Math.abs(u0)) a1 = Double.isNaN(a0) ? f.price() : (u0 * a0 + f.size() * f.price()) / u1; // added
            else a1 = a0;                                                                            // reduced
            units.put(f.ticker(), Math.abs(u1) < 1e-12 ? 0.0 : u1);
            avg.put(f.ticker(), a1);
            cash -= f.size() * f.price() + f.commission();
            comm += f.commission();
        }
        return new Ledger(cash, units, avg, comm, fills.size());
    }

    public double units(String ticker) {
        return units.getOrDefault(ticker, 0.0);
    }
}
