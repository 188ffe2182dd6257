// Participation charts, drawn from the page's own tables (which stay the reference, for screen
// readers and without JavaScript): the map of the units below coloured by participation rate
// (rows of the table marked data-map-source), and the people who took part per day (#by-day).
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  function draw(element, option) {
    element.hidden = false;
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }
  ready(function () {
    if (typeof echarts === 'undefined') { return; }
    var source = document.querySelector('table[data-map-source]');
    var rows = source ? Array.prototype.map.call(source.querySelectorAll('tbody tr[data-rate]'), function (tr) {
      return { name: tr.dataset.code, label: tr.dataset.name, value: parseFloat(tr.dataset.rate) };
    }) : [];
    var map = document.getElementById('map');
    if (map && map.dataset.geojson) {
      fetch(map.dataset.geojson).then(function (r) { return r.ok ? r.json() : null; }).then(function (geo) {
        if (!geo) { map.remove(); return; }
        var tiles = document.getElementById('tiles');
        if (tiles) { tiles.hidden = true; }
        echarts.registerMap('units', geo);
        var labels = {};
        rows.forEach(function (row) { labels[row.name] = row.label; });
        var chart = draw(map, {
          tooltip: { formatter: function (p) { return (labels[p.name] || p.name) + ': ' + (isNaN(p.value) ? '—' : p.value + ' %'); } },
          visualMap: { min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, text: ['100 %', '0 %'],
                       inRange: { color: ['#f2f0f7', '#9e9ac8', '#3f007d'] } },
          series: [{ type: 'map', map: 'units', nameProperty: 'code', roam: true, name: map.dataset.label, data: rows,
                     emphasis: { label: { show: false } } }]
        });
        // Where the page has released figures of an item by unit below, the map can show its
        // approval share instead (the same released figures: a hidden one stays blank).
        var modes = document.getElementById('map-modes');
        if (modes) {
          var approval = Array.prototype.map.call(document.querySelectorAll('#by-unit tbody tr[data-code]'), function (tr) {
            var share = parseFloat(tr.dataset.approve);
            return { name: tr.dataset.code, value: isNaN(share) ? NaN : Math.round(share * 10) / 10 };
          });
          modes.hidden = false;
          Array.prototype.forEach.call(modes.querySelectorAll('button'), function (button) {
            button.addEventListener('click', function () {
              Array.prototype.forEach.call(modes.querySelectorAll('button'), function (b) { b.setAttribute('aria-pressed', String(b === button)); });
              var approve = button.dataset.mode === 'approve';
              chart.setOption({ series: [{ name: button.textContent, data: approve ? approval : rows }] });
              map.dataset.mode = button.dataset.mode;
            });
          });
        }
      });
    }
    var days = document.getElementById('days-chart');
    var dayRows = Array.prototype.slice.call(document.querySelectorAll('#by-day tbody tr[data-day]'));
    if (days && dayRows.length > 0) {
      draw(days, {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: dayRows.map(function (tr) { return tr.dataset.day; }) },
        yAxis: [{ type: 'value' }, { type: 'value', splitLine: { show: false } }],
        series: [
          { type: 'bar', name: days.dataset.newLabel, data: dayRows.map(function (tr) { return parseInt(tr.dataset.new, 10); }), itemStyle: { color: '#9e9ac8' } },
          { type: 'line', name: days.dataset.cumulativeLabel, yAxisIndex: 1, data: dayRows.map(function (tr) { return parseInt(tr.dataset.cumulative, 10); }), itemStyle: { color: '#3f007d' } }
        ]
      });
    } else if (days) {
      days.remove();
    }
  });
})();
