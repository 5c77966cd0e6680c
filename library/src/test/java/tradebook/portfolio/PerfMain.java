package tradebook.portfolio;

import java.util.Map;
import tradebook.data.Datasets;
import tradebook.examples.MomentumPortfolio;

class PerfMain {
    public static void main(String[] a) {
        Universe u = Universe.of(Datasets.DJIA());
        PortfolioBacktest bt = new PortfolioBacktest(u, MomentumPortfolio.class).quiet(true);
        Map<String, Object> p = Map.of("lookback", 10, "top", 3, "monthly", false);
        for (int i = 0; i < 30; i++) bt.run(p);
        long t1 = System.nanoTime();
        int runs = Integer.parseInt(a.length > 0 ? a[0] : "30");
        for (int i = 0; i < runs; i++) bt.run(p);
        System.out.println("ms/run " + (System.nanoTime() - t1) / (runs * 1e6));
    }
}
