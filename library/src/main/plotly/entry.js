'use strict';
// Tradebook's plotly.js bundle: the traces Tradebook's charts use, nothing else.
var Plotly = require('plotly.js/lib/core');
Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/candlestick'),
    require('plotly.js/lib/heatmap')
]);
module.exports = Plotly;
