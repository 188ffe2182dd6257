// Chart of the public results, drawn from the page's own table (which stays the reference, for
// screen readers and without JavaScript): the approval share of each item. The participation map
// is drawn by participation-charts.js.
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  ready(function () {
    if (typeof echarts === 'undefined') { return; }
    var items = document.getElementById('items-chart');
    var rows = Array.prototype.filter.call(document.querySelectorAll('#items tbody tr'), function (tr) { return tr.dataset.approve; });
    if (items && rows.length > 0) {
      items.hidden = false;
      var chart = echarts.init(items, null, { renderer: 'svg' });
      chart.setOption({
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
        yAxis: { type: 'category', inverse: true, data: rows.map(function (tr) { return tr.dataset.label; }) },
        series: [{ type: 'bar', data: rows.map(function (tr) { return Math.round(parseFloat(tr.dataset.approve) * 10) / 10; }),
                   itemStyle: { color: '#3f007d' }, label: { show: true, position: 'right', formatter: '{c} %' } }]
      });
      items.style.height = Math.max(120, rows.length * 28 + 24) + 'px';
      chart.resize();
      window.addEventListener('resize', function () { chart.resize(); });
    } else if (items) {
      items.remove();
    }
  });
})();
