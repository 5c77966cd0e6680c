/**
 * Charts of backtests and optimizations: {@code bt.plot()}, {@code stats.plot(options)},
 * {@link tradebook.chart.Chart#plotHeatmaps}, and {@link tradebook.chart.Tables} for tables.
 *
 * <p>How the pieces fit: {@code BacktestPlot} and {@code Heatmaps} build a {@code Figure}
 * (panels and traces, no drawing code); {@code Resampler} thins long backtests to at most
 * {@link tradebook.chart.PlotOptions#maxCandles} candles first; {@code PlotlyWriter} turns the
 * figure into Plotly JSON (long arrays as base64 typed arrays) and {@code XChartRenderer} into
 * a PNG/SVG picture, so the interactive chart and its picture show the same thing.
 *
 * <p>Notebook output ({@link tradebook.chart.Chart#toMimeBundle}) carries:
 * <ul>
 *   <li>{@code application/vnd.plotly.v1+json}: drawn by JupyterLab's plotly extension (PyPI
 *       {@code plotly}) and VS Code, even in untrusted notebooks; no script involved;</li>
 *   <li>{@code text/html}: the PNG, replaced by the interactive chart when scripts may run
 *       (trusted notebooks, classic Notebook with require.js, nbconvert exports). plotly.js
 *       (~1.2 MB, in this jar, no CDN) rides along with the session's first chart only;</li>
 *   <li>{@code image/png} for static viewers, and {@code text/plain}.</li>
 * </ul>
 */
package tradebook.chart;
