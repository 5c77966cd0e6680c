// Builds ../resources/tradebook/chart/plotly-tradebook.min.js (run: npm install && npm run build).
// Only the traces Tradebook draws, so notebooks and saved pages load ~1 MB instead of 4.8 MB.
import * as esbuild from 'esbuild';
import { readFileSync, copyFileSync } from 'node:fs';

const version = JSON.parse(readFileSync('node_modules/plotly.js/package.json', 'utf8')).version;
const out = '../resources/tradebook/chart/plotly-tradebook.min.js';
// The only CSS import is maplibre's (map traces), which this bundle does not register.
const noCss = { name: 'no-css', setup(b) { b.onLoad({ filter: /\.css$/ }, () => ({ contents: '', loader: 'js' })); } };
await esbuild.build({
  entryPoints: ['entry.js'], outfile: out, format: 'iife', globalName: 'Plotly',
  bundle: true, minify: true, legalComments: 'eof', target: 'es2016', plugins: [noCss],
  // No AMD registration: the classic Notebook's require.js would otherwise swallow the module.
  define: { global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false' },
  banner: { js: `/* plotly.js ${version} (scatter, bar, candlestick, heatmap), built for Tradebook. Copyright Plotly, Inc. MIT license: see plotly.js.LICENSE */` },
  footer: { js: 'window.Plotly = Plotly;' },
  logLevel: 'info',
});
copyFileSync('node_modules/plotly.js/LICENSE', '../resources/tradebook/chart/plotly.js.LICENSE');
