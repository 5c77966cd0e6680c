package tradebook.kernel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import tradebook.plan.PlanException;
import tradebook.plan.Plans;
import tradebook.plan.Store;
import tradebook.plan.cli.PromoteOptions;

/**
 * {@code %promote SmaCross --name goog-sma --tickers GOOG --times "9:30:01-16:00/30min" --broker paper
 * --cash 10000 [--strict|--incremental] [--entry TOO]}: snapshots the class as the notebook
 * declares it (its cell's source and the cells' imports), validates, dry-runs, and only then saves
 * and enables the plan in the store ({@code TRADEBOOK_HOME}). Errors show before anything is saved.
 */
final class PromoteMagic {
    private PromoteMagic() {}

    /** Registered by {@link Provider} (ServiceLoader) the first time {@code %promote} is used. */
    public static final class Provider implements Magics.Provider {
        @Override
        public void registerMagics() {
            Magics.register("promote", "%promote CLASS --name N --tickers T[,T] [--times ..] [--broker paper|manual] [--cash C] "
                    + "[--strict|--incremental] [--entry TOO|TOC|TRG] [--source yahoo|csv:DIR] [-p k=v] [--params-from VAR] : make a trade plan of a strategy",
                    PromoteMagic::run);
        }
    }

    @CommandLine.Command(name = "%promote")
    static final class Args {
        @CommandLine.Parameters(index = "0", description = "the strategy class declared in a cell") String className;
        @CommandLine.Option(names = "--params-from", description = "a notebook variable: Stats, OptimizationResult or Map of parameters")
        String paramsFrom;
        @CommandLine.Mixin PromoteOptions opts;
    }

    /** The parameters a notebook value carries: a run's stats, an optimization's best, or a map. */
    @SuppressWarnings("unchecked")
    static java.util.Map<String, Object> paramsOf(Object v, String expr) throws CellError {
        if (v instanceof tradebook.portfolio.PortfolioStats ps && ps.portfolioStrategy() != null) return ps.portfolioStrategy().params();
        if (v instanceof tradebook.backtest.Stats st && st.strategy() != null) return st.strategy().params();
        if (v instanceof tradebook.backtest.OptimizationResult r) return r.bestParams();
        if (v instanceof java.util.Map<?, ?> m) return (java.util.Map<String, Object>) m;
        throw new CellError.MagicError("%promote --params-from " + expr + ": a Stats, OptimizationResult or Map is needed, got "
                + (v == null || v == Magics.NO_VALUE ? "no value" : v.getClass().getSimpleName()));
    }

    static Object run(Magics.Context ctx, String args, String body) throws Exception {
        Args a = new Args();
        try {
            new CommandLine(a).parseArgs(split(args).toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new CellError.MagicError("%promote: " + e.getMessage() + "\nusage: %promote SmaCross --name goog-sma --tickers GOOG "
                    + "--times \"9:30:01-16:00/30min\" --broker paper --cash 10000");
        }
        if (a.opts.name == null) throw new CellError.MagicError("%promote: --name is required (e.g. %promote " + a.className + " --name my-plan --tickers GOOG)");
        String source = ctx.declarationSource(a.className);
        if (source == null) {
            throw new CellError.MagicError("%promote: no cell declares a class " + a.className + " (run the cell that declares it first)");
        }
        try (Store store = Store.open()) {
            tradebook.plan.TradePlan plan = a.opts.newPlan(a.className, source);
            if (a.paramsFrom != null) { // the parameters the notebook ran with; -p still overrides
                java.util.Map<String, Object> params = new java.util.LinkedHashMap<>(paramsOf(ctx.eval(a.paramsFrom), a.paramsFrom));
                params.putAll(plan.params());
                plan = plan.toBuilder().params(params).build();
            }
            List<String> extra = addedJars(ctx);
            if (!extra.isEmpty() && plan.jars().isEmpty()) plan = plan.toBuilder().jars(extra).build(); // what %maven / %jars added
            Plans.Promoted p = Plans.promote(store, plan, Clock.systemUTC(), true);
            ctx.out().println(p);
            return Magics.NO_VALUE;
        } catch (PlanException e) {
            throw new CellError.MagicError(e.getMessage());
        }
    }

    /** Jars and class folders the notebook added (%maven, %jars) beyond the library's class path. */
    static List<String> addedJars(Magics.Context ctx) {
        java.util.Set<String> base = new java.util.HashSet<>(List.of(tradebook.plan.StrategySource.classPath().split(java.io.File.pathSeparator)));
        List<String> out = new ArrayList<>();
        for (String p : ctx.classPath()) {
            if (p.endsWith("*") || base.contains(p) || !new java.io.File(p).exists()) continue;
            if (p.contains(java.io.File.separator + "kernel" + java.io.File.separator + "target")) continue; // the kernel itself
            out.add(new java.io.File(p).getAbsolutePath());
        }
        return out;
    }

    /** Splits like a shell: spaces separate, quotes group ("a b" or 'a b'). */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean any = false;
        char quote = 0;
        for (char c : s.toCharArray()) {
            if (quote != 0) {
                if (c == quote) quote = 0;
                else cur.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
                any = false;
            } else {
                cur.append(c);
            }
        }
        if (any || cur.length() > 0) out.add(cur.toString());
        return out;
    }
}
