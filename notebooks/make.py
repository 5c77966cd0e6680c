#!/usr/bin/env python3
"""Writes the tutorial notebooks 01-05 from the cells below, so their sources stay reviewable.

    python3 notebooks/make.py            # write notebooks/*.ipynb without outputs
    ./tradebook run notebooks/01-quick-start.ipynb -o notebooks/01-quick-start.ipynb
    python3 notebooks/make.py --strip    # keep outputs light: drop Plotly JSON/JS, keep the PNG

Each notebook ports a Backtesting.py tutorial to Java on the Tradebook kernel; the published
figures they must reproduce are checked by kernel/src/test/python/test_notebooks.py.
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def md(text):
    return ("markdown", text.strip("\n"))


def code(text):
    return ("code", text.strip("\n"))


NOTEBOOKS = {}

NOTEBOOKS["01-quick-start"] = [
    md("""
# Quick start

Backtesting.py's *Quick Start User Guide*, in Java on the Tradebook kernel. We backtest a
simple moving-average crossover on nine years of Google stock, look at the statistics and the
chart, then optimize the two moving-average lengths.

## Data

`Datasets.GOOG()` is the daily Google data the Python tutorial uses (2004-08-19 … 2013-03-01),
shipped inside the library. Any OHLCV CSV loads with `Bars.csv(path)`; a Tablesaw `Table`
converts with `Bars.of(table)`.
"""),
    code("""
Bars GOOG = Datasets.GOOG();
GOOG.toTable().last(5)
"""),
    md("""
## Strategy

A strategy extends `Strategy`: `init()` declares indicators with `I(...)` (computed once over
the whole history, then revealed bar by bar), `next()` trades on each new bar. Tunable
parameters are public fields marked `@Param`. `Ta.sma` is a simple moving average;
`crossover(a, b)` is true on the bar where `a` crosses above `b`.
"""),
    code("""
public class SmaCross extends Strategy {
    @Param public int n1 = 10;
    @Param public int n2 = 20;
    Indicator sma1, sma2;

    @Override public void init() {
        sma1 = I("SMA(" + n1 + ")", Ta.sma(data().close(), n1));
        sma2 = I("SMA(" + n2 + ")", Ta.sma(data().close(), n2));
    }

    @Override public void next() {
        if (crossover(sma1, sma2)) {          // fast crosses above slow: go long
            position().close();
            buy();
        } else if (crossover(sma2, sma1)) {   // fast crosses below slow: go short
            position().close();
            sell();
        }
    }
}
"""),
    md("""
## Backtest

$10,000 of cash and a 0.2% commission per trade, as in the tutorial. `run()` returns the
statistics; they print as a table.
"""),
    code("""
Backtest bt = new Backtest(GOOG, SmaCross.class).cash(10_000).commission(.002);
Stats stats = bt.run();
stats
"""),
    md("""
`plot()` draws the equity curve, the drawdowns, each trade's profit, the price with the
trades and indicators, and the volume — zoomable and linked (drag to zoom, double-click to
reset). Outside a notebook, `bt.plot().save("goog.html")` writes a standalone page.
"""),
    code("""
bt.plot()
"""),
    md("""
## Optimization

Try `n1` in 5, 10, … 25 and `n2` in 10, 15, … 65, keeping only `n1 < n2`, and keep the
combination with the highest final equity. The grid runs on all cores.
"""),
    code("""
OptimizationResult opt = bt.optimize()
        .param("n1", range(5, 30, 5))
        .param("n2", range(10, 70, 5))
        .constraint(p -> p.getInt("n1") < p.getInt("n2"))
        .maximize("Equity Final [$]")
        .run();
opt.stats()
"""),
    md("""
The best parameters, and the strategy instance that produced these figures:
"""),
    code("""
opt.bestParams()
"""),
    code("""
opt.strategy()
"""),
    md("""
Every statistic from the Python tutorial is there under the same name; the equity curve and
the trades are Tablesaw tables:
"""),
    code("""
opt.equityCurve().last(5)
"""),
    code("""
opt.trades().last(5)
"""),
    md("""
Learn more in [02 — strategies library](02-strategies-library.ipynb),
[03 — multiple time frames](03-multiple-time-frames.ipynb),
[04 — parameter heatmap](04-parameter-heatmap.ipynb) and
[05 — trading with machine learning](05-trading-with-ml.ipynb).
"""),
]

NOTEBOOKS["02-strategies-library"] = [
    md("""
# Library of composable strategies

Backtesting.py ships reusable strategy building blocks: `SignalStrategy` trades from signal
vectors computed up front, `TrailingStrategy` keeps a trailing stop-loss a number of ATRs
behind the price. In Python the tutorial inherits from both; Java has single inheritance, so
Tradebook offers `SignalTrailingStrategy` — both behaviours, in Python's order (stops trail
first, then signals enter).

The strategy: enter long with 95% of available liquidity where SMA(10) crosses above SMA(25);
exit only through a trailing stop-loss 2 ATRs below the price. Commission 0.2%.
"""),
    code("""
Bars GOOG = Datasets.GOOG();

public class SmaCross extends SignalTrailingStrategy {
    @Param public int n1 = 10;
    @Param public int n2 = 25;

    @Override public void init() {
        super.init();                      // sets up the signals and the trailing stop
        double[] sma1 = I("SMA(" + n1 + ")", Ta.sma(data().close(), n1)).values();
        double[] sma2 = I("SMA(" + n2 + ")", Ta.sma(data().close(), n2)).values();

        // Where sma1 turns from below to above sma2: an entry of 95% of liquidity (long only)
        double[] entrySize = new double[sma1.length];
        for (int i = 1; i < sma1.length; i++) {
            boolean above = sma1[i] > sma2[i], wasAbove = sma1[i - 1] > sma2[i - 1];
            if (above && !wasAbove) entrySize[i] = .95;
        }
        setSignal(entrySize);

        setTrailingSl(2);                  // trailing stop-loss 2 ATRs away (ATR over 100 bars)
        setAtrBackfill(true);              // fill the ATR's warm-up as Backtesting.py 0.6 did
    }
}
"""),
    md("""
`setAtrBackfill(true)` reproduces the Python library's figures exactly: it fills the ATR's
first 100 bars with its first value (a small look-ahead). Leave it out for a strictly causal
stop; the result differs only in the first months.
"""),
    code("""
Backtest bt = new Backtest(GOOG, SmaCross.class).commission(.002);
Stats stats = bt.run();
stats
"""),
    code("""
bt.plot()
"""),
    md("""
The trades: every exit is the trailing stop (`SL` filled).
"""),
    code("""
stats.trades().first(10)
"""),
    md("""
Other ways to combine behaviours: keep a `Signals` and a `Trailing` object in any strategy
and call them from `next()`, or `Lib.compose(...)` them (see the `tradebook.lib` Javadoc).
"""),
]

NOTEBOOKS["03-multiple-time-frames"] = [
    md("""
# Multiple time frames

Strategies often read a higher time frame too: here daily and **weekly** RSI. Give the backtest
the lowest time frame (daily bars); `resampleApply("W-FRI", fn, series, n)` resamples the
series to weeks ending on Friday, applies the indicator, and maps the result back onto the
daily bars — each week's value appears only from the week's last bar on, never earlier.

The tutorial's own indicators, as plain static methods: `SMA`, and an approximate `RSI`
smoothed with pandas' `ewm(com=n)` (`Ta.ewmCom`). `Ta.rsi` is Wilder's RSI, if you prefer
the textbook version.
"""),
    code("""
double[] SMA(double[] values, int n) {
    return Ta.sma(values, n);
}

/** Relative strength index; approximate, as in the Python tutorial: gains and losses smoothed with ewm(com=n). */
double[] RSI(double[] values, int n) {
    double[] change = Ta.diff(values);
    double[] gain = new double[change.length], loss = new double[change.length];
    for (int i = 0; i < change.length; i++) {
        gain[i] = Double.isNaN(change[i]) ? Double.NaN : Math.max(change[i], 0);
        loss[i] = Double.isNaN(change[i]) ? Double.NaN : Math.abs(Math.min(change[i], 0));
    }
    double[] avgGain = Ta.ewmCom(gain, n), avgLoss = Ta.ewmCom(loss, n);
    double[] rsi = new double[values.length];
    for (int i = 0; i < rsi.length; i++) rsi[i] = 100 - 100 / (1 + avgGain[i] / avgLoss[i]);
    return rsi;
}
"""),
    md("""
The strategy buys when

- weekly RSI(30) ≥ daily RSI(30) > 70, and
- close > MA(10) > MA(20) > MA(50) > MA(100),

and exits when the close is more than 2% below MA(10), or at an 8% stop-loss.
"""),
    code("""
public class RsiSystem extends Strategy {
    @Param public int dRsi = 30;   // daily RSI lookback
    @Param public int wRsi = 30;   // weekly RSI lookback
    @Param public int level = 70;
    Indicator ma10, ma20, ma50, ma100, dailyRsi, weeklyRsi;

    @Override public void init() {
        double[] close = data().close().values();
        ma10 = I("MA(10)", SMA(close, 10));
        ma20 = I("MA(20)", SMA(close, 20));
        ma50 = I("MA(50)", SMA(close, 50));
        ma100 = I("MA(100)", SMA(close, 100));
        dailyRsi = I("RSI(" + dRsi + ")", RSI(close, dRsi));
        // Weekly RSI, aligned back to the daily bars
        weeklyRsi = resampleApply("W-FRI", x -> RSI(x, wRsi), data().close());
    }

    @Override public void next() {
        double price = data().close().last();
        if (!position().isOpen()
                && dailyRsi.last() > level
                && weeklyRsi.last() > level
                && weeklyRsi.last() > dailyRsi.last()
                && ma10.last() > ma20.last() && ma20.last() > ma50.last() && ma50.last() > ma100.last()
                && price > ma10.last()) {
            buy(sl(.92 * price));          // 8% stop-loss
        } else if (price < .98 * ma10.last()) {
            position().close();            // more than 2% below MA(10)
        }
    }
}
"""),
    md("""
The Python tutorial names the class `System`; in Java that would hide `java.lang.System`, so
it is `RsiSystem` here. `resampleApply` takes the indicator as a function of the weekly
values (`x -> RSI(x, wRsi)`; library indicators also work as `resampleApply("W-FRI", Ta::rsi,
data().close(), 14)`). Nine years of Google:
"""),
    code("""
Backtest bt = new Backtest(Datasets.GOOG(), RsiSystem.class).commission(.002);
Stats stats = bt.run();
stats
"""),
    code("""
bt.plot()
"""),
    md("""
Four trades in nine years and about zero return. Optimize the three parameters; without
`maximize(...)` the objective is the System Quality Number, as in Backtesting.py.
"""),
    code("""
OptimizationResult opt = bt.optimize()
        .param("dRsi", range(10, 35, 5))
        .param("wRsi", range(10, 35, 5))
        .param("level", range(30, 80, 10))
        .returnHeatmap(true)
        .run();
opt.stats()
"""),
    code("""
opt.bestParams()
"""),
    md("""
Better. It still does worse than buy & hold, but with far less time in the market. The
heatmap shows the best SQN for each pair of parameters (the third maximized away):
"""),
    code("""
opt.pivot("dRsi", "wRsi")
"""),
    code("""
opt.plotHeatmaps()
"""),
]

NOTEBOOKS["04-parameter-heatmap"] = [
    md("""
# Parameter heatmap and optimization

A strategy with four parameters, a randomized search over them, and ways to look at the
result: the heatmap table, a pivot by two parameters, and a grid of heatmaps.

`Sma4Cross` trades in the direction of a slow trend (SMA `n1` vs SMA `n2`): it enters when
the close crosses the `nEnter` SMA and exits when it crosses back over the `nExit` SMA.
"""),
    code("""
import tech.tablesaw.api.*;

Bars GOOG = Datasets.GOOG();

public class Sma4Cross extends Strategy {
    @Param public int n1 = 50;
    @Param public int n2 = 100;
    @Param public int nEnter = 20;
    @Param public int nExit = 10;
    Indicator sma1, sma2, smaEnter, smaExit;

    @Override public void init() {
        sma1 = I("SMA(" + n1 + ")", Ta.sma(data().close(), n1));
        sma2 = I("SMA(" + n2 + ")", Ta.sma(data().close(), n2));
        smaEnter = I("SMA(" + nEnter + ")", Ta.sma(data().close(), nEnter));
        smaExit = I("SMA(" + nExit + ")", Ta.sma(data().close(), nExit));
    }

    @Override public void next() {
        Series close = data().close();
        if (!position().isOpen()) {
            if (sma1.last() > sma2.last()) {             // up-trend: long when the close crosses above the entry SMA
                if (crossover(close, smaEnter)) buy();
            } else if (crossover(smaEnter, close)) {      // down-trend: short when it crosses below
                sell();
            }
        } else if (position().isLong() && crossover(smaExit, close)
                || position().isShort() && crossover(close, smaExit)) {
            position().close();                          // the close crossed back over the exit SMA
        }
    }
}
"""),
    md("""
The full grid has thousands of combinations (fewer after the constraint). A randomized search
tries 200 of them; `randomState` makes it reproducible.
"""),
    code("""
Backtest bt = new Backtest(GOOG, Sma4Cross.class).commission(.002);

OptimizationResult opt = bt.optimize()
        .param("n1", range(10, 110, 10))
        .param("n2", range(20, 210, 20))
        .param("nEnter", range(15, 35, 5))
        .param("nExit", range(10, 25, 5))
        .constraint(p -> p.getInt("nExit") < p.getInt("nEnter")
                && p.getInt("nEnter") < p.getInt("n1") && p.getInt("n1") < p.getInt("n2"))
        .maximize("Equity Final [$]")
        .method(Optimization.Method.RANDOM)
        .maxTries(200)
        .randomState(0)
        .returnHeatmap(true)
        .run();
opt.tries() + " of " + opt.gridSize() + " admissible combinations tried in " + opt.elapsed().toMillis() + " ms"
"""),
    md("""
The heatmap is a table with one row per combination tried and its objective value. The best:
"""),
    code("""
opt.heatmap().sortDescendingOn("Equity Final [$]").first(10)
"""),
    md("""
Same figures as Backtesting.py: the combinations its tutorial printed, run one by one here.
(The random sample itself differs — NumPy's and Java's generators are not the same — so the
tutorial's cells are recomputed individually.)
"""),
    code("""
int[][] published = {{20, 60, 15, 10}, {20, 80, 15, 10}, {20, 100, 15, 10}, {30, 40, 20, 15}, {30, 40, 25, 15},
        {40, 60, 25, 20}, {50, 160, 20, 15}, {100, 160, 20, 15}, {100, 200, 15, 10}, {100, 200, 20, 10},
        {100, 200, 20, 15}, {100, 200, 25, 10}, {100, 200, 30, 10}};
Table cells = Table.create("Tutorial cells",
        IntColumn.create("n1"), IntColumn.create("n2"), IntColumn.create("nEnter"), IntColumn.create("nExit"),
        DoubleColumn.create("Equity Final [$]"));
for (int[] c : published) {
    Stats s = bt.run(Map.of("n1", c[0], "n2", c[1], "nEnter", c[2], "nExit", c[3]));
    cells.intColumn("n1").append(c[0]); cells.intColumn("n2").append(c[1]);
    cells.intColumn("nEnter").append(c[2]); cells.intColumn("nExit").append(c[3]);
    cells.doubleColumn("Equity Final [$]").append(s.getDouble("Equity Final [$]"));
}
cells
"""),
    md("""
A pivot by two parameters, taking the best value over the other two (`"mean"`, `"min"`,
`"sum"` and `"count"` aggregate too):
"""),
    code("""
opt.pivot("n1", "n2")
"""),
    md("""
All pairs at once — Backtesting.py's `plot_heatmaps`:
"""),
    code("""
opt.plotHeatmaps()
"""),
    md("""
The best combination found, its stats and its chart:
"""),
    code("""
opt.bestParams()
"""),
    code("""
opt.plot()
"""),
]

NOTEBOOKS["05-trading-with-ml"] = [
    md("""
# Trading with machine learning

Backtesting.py's ML tutorial in Java: a k-nearest-neighbours classifier forecasts, from
technical features, whether EUR/USD will be up or down 0.4% two days ahead, and a strategy
trades on the forecast. The classifier comes from [Smile](https://haifengl.github.io/), a Java
ML library on Maven Central: `%maven` adds it to the notebook. (Its kNN is pure Java, so the
native BLAS jars for every platform are left out.)
"""),
    code("""
%maven com.github.haifengl:smile-core:3.1.1 --exclude org.bytedeco
"""),
    code("""
import smile.classification.KNN;

Bars eurusd = Datasets.EURUSD();   // hourly EUR/USD, 5000 bars
eurusd.toTable().first(3)
"""),
    md("""
## Features

Price relative to four SMAs, the SMAs' relative distances, 2-bar momentum, Bollinger bands on
the typical price, a sentiment flag, the day of the week and the hour — the tutorial's `X_`
columns. The target: the return 48 bars ahead, reduced to up (1), down (−1) or flat (0) when
within ±0.4%.
"""),
    code("""
double[][] bbands(Bars bars, int n, double nStd) {
    double[] hlc3 = new double[bars.size()];
    for (int i = 0; i < hlc3.length; i++) hlc3[i] = (bars.high().get(i) + bars.low().get(i) + bars.close().get(i)) / 3;
    double[] mean = Ta.sma(hlc3, n), std = Ta.stdev(hlc3, n, 1);   // sample standard deviation, as pandas
    double[] upper = new double[hlc3.length], lower = new double[hlc3.length];
    for (int i = 0; i < hlc3.length; i++) { upper[i] = mean[i] + nStd * std[i]; lower[i] = mean[i] - nStd * std[i]; }
    return new double[][] {upper, lower};
}

double[] close = eurusd.close().values();
double[] sma10 = Ta.sma(close, 10), sma20 = Ta.sma(close, 20), sma50 = Ta.sma(close, 50), sma100 = Ta.sma(close, 100);
double[][] bb = bbands(eurusd, 20, 2);
LocalDateTime calmFrom = LocalDateTime.parse("2017-09-27T00:00"), calmTo = LocalDateTime.parse("2017-12-14T00:00");

Map<String, double[]> features = new LinkedHashMap<>();
for (String name : List.of("X_SMA10", "X_SMA20", "X_SMA50", "X_SMA100", "X_DELTA_SMA10", "X_DELTA_SMA20",
        "X_DELTA_SMA50", "X_MOM", "X_BB_upper", "X_BB_lower", "X_BB_width", "X_Sentiment", "X_day", "X_hour")) {
    features.put(name, new double[close.length]);
}
for (int i = 0; i < close.length; i++) {
    double c = close[i];
    LocalDateTime t = eurusd.time(i);
    features.get("X_SMA10")[i] = (c - sma10[i]) / c;
    features.get("X_SMA20")[i] = (c - sma20[i]) / c;
    features.get("X_SMA50")[i] = (c - sma50[i]) / c;
    features.get("X_SMA100")[i] = (c - sma100[i]) / c;
    features.get("X_DELTA_SMA10")[i] = (sma10[i] - sma20[i]) / c;
    features.get("X_DELTA_SMA20")[i] = (sma20[i] - sma50[i]) / c;
    features.get("X_DELTA_SMA50")[i] = (sma50[i] - sma100[i]) / c;
    features.get("X_MOM")[i] = i < 2 ? Double.NaN : c / close[i - 2] - 1;
    features.get("X_BB_upper")[i] = (bb[0][i] - c) / c;
    features.get("X_BB_lower")[i] = (bb[1][i] - c) / c;
    features.get("X_BB_width")[i] = (bb[0][i] - bb[1][i]) / c;
    features.get("X_Sentiment")[i] = t.isBefore(calmFrom) || t.isAfter(calmTo) ? 1 : 0;
    features.get("X_day")[i] = t.getDayOfWeek().getValue() - 1;   // Monday = 0, as pandas
    features.get("X_hour")[i] = t.getHour();
}

// Drop the warm-up rows where any feature is still missing; add the features as columns
int first = 0;
for (double[] f : features.values()) {
    while (first < f.length && Double.isNaN(f[first])) first++;
}
Bars data = eurusd.slice(first, close.length);
for (var f : features.entrySet()) data = data.withColumn(f.getKey(), Arrays.copyOfRange(f.getValue(), first, close.length));
List<String> X_COLUMNS = List.copyOf(features.keySet());
data.size() + " bars from " + data.time(0) + ", " + X_COLUMNS.size() + " features"
"""),
    md("""
`X(bars, from, to)` is the design matrix of bars `from..to-1`; `y(close, from, to)` the
classes, with the last 48 rows of any window unknown (NaN) because their future is not in it.
"""),
    code("""
double[][] X(Bars bars, List<String> columns, int from, int to) {
    double[][] x = new double[to - from][columns.size()];
    for (int j = 0; j < columns.size(); j++) {
        double[] col = bars.column(columns.get(j)).values();
        for (int i = from; i < to; i++) x[i - from][j] = col[i];
    }
    return x;
}

double[] y(double[] close, int from, int to) {
    double[] y = new double[to - from];
    for (int i = from; i < to; i++) {
        if (i + 48 >= to) { y[i - from] = Double.NaN; continue; }    // return after roughly two days
        double r = close[i + 48] / close[i] - 1;
        y[i - from] = Math.abs(r) <= .004 ? 0 : Math.signum(r);     // devalue returns within 0.4%
    }
    return y;
}

/** A kNN(7) trained on the rows of bars from..to-1 whose class is known. */
KNN<double[]> train(Bars bars, List<String> columns, int from, int to) {
    double[][] x = X(bars, columns, from, to);
    double[] target = y(bars.close().values(), from, to);
    List<double[]> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    for (int i = 0; i < target.length; i++) {
        if (!Double.isNaN(target[i])) { xs.add(x[i]); ys.add((int) target[i]); }
    }
    return KNN.fit(xs.toArray(double[][]::new), ys.stream().mapToInt(Integer::intValue).toArray(), 7);
}
"""),
    md("""
A quick check of the classifier on a hold-out half (every other row: the tutorial's random
split uses NumPy's generator):
"""),
    code("""
double[] yAll = y(data.close().values(), 0, data.size());
List<double[]> trainX = new ArrayList<>(), testX = new ArrayList<>();
List<Integer> trainY = new ArrayList<>(), testY = new ArrayList<>();
double[][] xAll = X(data, X_COLUMNS, 0, data.size());
for (int i = 0; i < yAll.length; i++) {
    if (Double.isNaN(yAll[i])) continue;
    (i % 2 == 0 ? trainX : testX).add(xAll[i]);
    (i % 2 == 0 ? trainY : testY).add((int) yAll[i]);
}
KNN<double[]> knn = KNN.fit(trainX.toArray(double[][]::new), trainY.stream().mapToInt(Integer::intValue).toArray(), 7);
long hits = 0;
for (int i = 0; i < testX.size(); i++) if (knn.predict(testX.get(i)) == testY.get(i)) hits++;
String.format("Classification accuracy: %.3f", (double) hits / testX.size())
"""),
    md("""
## Train once

Fit on the first 400 bars; from then on forecast each bar. An upward forecast opens a long
trade of 20% of the available liquidity (if not long already), with take-profit and
stop-loss 0.4% away; a downward one a short trade. Trades open for more than two days get
an aggressive stop at the bar's low (high for shorts).
"""),
    code("""
final int N_TRAIN = 400;

public class MLTrainOnceStrategy extends Strategy {
    @Param public double priceDelta = .004;   // 0.4%
    List<String> columns;
    KNN<double[]> clf;
    Indicator forecasts;

    @Override public void init() {
        columns = data().columnNames().stream().filter(c -> c.startsWith("X_")).toList();
        clf = train(data(), columns, 0, N_TRAIN);
        I("y_true", y(data().close().values(), 0, data().size()));
        forecasts = I("forecast", new double[data().size()]);   // filled in as we go
    }

    /** The current bar's features. */
    double[] features() {
        double[] x = new double[columns.size()];
        for (int j = 0; j < x.length; j++) x[j] = data().column(columns.get(j)).last();
        return x;
    }

    @Override public void next() {
        if (data().size() < N_TRAIN) return;        // skip the in-sample training bars
        double high = data().high().last(), low = data().low().last(), close = data().close().last();
        int forecast = clf.predict(features());
        forecasts.set(-1, forecast);

        double upper = close * (1 + priceDelta), lower = close * (1 - priceDelta);
        if (forecast == 1 && !position().isLong()) buy(size(.2).tp(upper).sl(lower));
        else if (forecast == -1 && !position().isShort()) sell(size(.2).tp(lower).sl(upper));

        LocalDateTime now = data().now();
        for (Trade trade : trades()) {
            if (Duration.between(trade.entryTime(), now).compareTo(Duration.ofDays(2)) > 0) {
                if (trade.isLong()) trade.sl(Math.max(trade.sl(), low));
                else trade.sl(Math.min(trade.sl(), high));
            }
        }
    }
}
"""),
    code("""
Backtest bt = new Backtest(data, MLTrainOnceStrategy.class).commission(.0002).margin(.05);
Stats once = bt.run();
once
"""),
    code("""
bt.plot()
"""),
    md("""
## Walk-forward

Retrain every 20 bars on the last 400 (whose classes are known by then), so the model keeps
up with the market:
"""),
    code("""
public class MLWalkForwardStrategy extends MLTrainOnceStrategy {
    @Override public void next() {
        int n = data().size();
        if (n < N_TRAIN) return;                                  // cold start
        if (n % 20 == 0) clf = train(data(), columns, n - N_TRAIN, n);
        super.next();
    }
}
"""),
    code("""
Backtest wf = new Backtest(data, MLWalkForwardStrategy.class).commission(.0002).margin(.05);
Stats walkForward = wf.run();
walkForward
"""),
    code("""
wf.plot()
"""),
]


def notebook(name, cells):
    out = []
    for k, (kind, text) in enumerate(cells):
        cell = {"cell_type": kind, "id": f"{name[:2]}-{k:02d}", "metadata": {}, "source": text.splitlines(keepends=True)}
        if kind == "code":
            cell.update(execution_count=None, outputs=[])
        out.append(cell)
    return {
        "cells": out,
        "metadata": {
            "kernelspec": {"display_name": "Tradebook (Java)", "language": "java", "name": "tradebook"},
            "language_info": {"name": "java"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def strip(path):
    """Keeps an executed notebook light: charts keep their PNG and text, not Plotly JSON and JS."""
    nb = json.loads(path.read_text())
    for cell in nb["cells"]:
        cell.get("metadata", {}).pop("execution", None)
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            if "application/vnd.plotly.v1+json" in data:
                data.pop("application/vnd.plotly.v1+json")
                data.pop("text/html", None)
            o.get("metadata", {}).pop("application/vnd.plotly.v1+json", None)
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if "--strip" in sys.argv:
        for p in sorted(HERE.glob("0*.ipynb")):
            strip(p)
    else:
        only = [a for a in sys.argv[1:] if not a.startswith("-")]
        for name, cells in NOTEBOOKS.items():
            if only and not any(name.startswith(o) for o in only):
                continue
            (HERE / f"{name}.ipynb").write_text(json.dumps(notebook(name, cells), indent=1, ensure_ascii=False) + "\n")
