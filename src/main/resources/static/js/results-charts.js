// Charts of the public results, drawn from the page's own tables (which stay the reference, for
// screen readers and without JavaScript): the participation map of the units below, and the
// approval share of each item.
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  ready(function () {
    if (typeof echarts === 'undefined') { return; }
    var ranking = Array.prototype.map.call(document.querySelectorAll('#ranking tbody tr'), function (tr) {
      return { name: tr.dataset.code, label: tr.dataset.name, value: parseFloat(tr.dataset.rate) };
    });
    var map = document.getElementById('map');
    if (map && map.dataset.geojson) {
      fetch(map.dataset.geojson).then(function (r) { return r.ok ? r.json() : null; }).then(function (geo) {
        if (!geo) { map.remove(); return; }
        map.hidden = false;
        echarts.registerMap('units', geo);
        var labels = {};
        ranking.forEach(function (row) { labels[row.name] = row.label; });
        var chart = echarts.init(map, null, { renderer: 'svg' });
        chart.setOption({
          tooltip: { formatter: function (p) { return (labels[p.name] || p.name) + ': ' + (isNaN(p.value) ? '—' : p.value + ' %'); } },
          visualMap: { min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, text: ['100 %', '0 %'],
                       inRange: { color: ['#f2f0f7', '#9e9ac8', '#3f007d'] } },
          series: [{ type: 'map', map: 'units', nameProperty: 'code', roam: true, name: map.dataset.label, data: ranking,
                     emphasis: { label: { show: false } } }]
        });
        window.addEventListener('resize', function () { chart.resize(); });
      });
    }
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
