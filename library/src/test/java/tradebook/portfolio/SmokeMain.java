package tradebook.portfolio;

import tradebook.data.Datasets;
import tradebook.examples.MomentumPortfolio;

class SmokeMain {
    public static void main(String[] a) {
        Universe u = Universe.of(Datasets.DJIA());
        System.out.println(u);
        u.report().forEach(System.out::println);
        PortfolioStats s = new PortfolioBacktest(u, MomentumPortfolio.class).cash(100_000).commission(.001).run();
        System.out.println(s);
        System.out.println(s.trades().first(5));
        System.out.println(s.fills().first(12));
        System.out.println(s.targetWeights().first(3));
        System.out.println(s.warnings());
        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) new PortfolioBacktest(u, MomentumPortfolio.class).quiet(true).run(java.util.Map.of("lookback", 10, "top", 3, "monthly", false));
        long t1 = System.nanoTime();
        for (int i = 0; i < 20; i++) new PortfolioBacktest(u, MomentumPortfolio.class).quiet(true).run(java.util.Map.of("lookback", 10, "top", 3, "monthly", false));
        System.out.println("ms/run " + (System.nanoTime() - t1) / 20e6);
    }
}
