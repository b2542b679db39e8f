// The figures page: draws each chart with Chart.js (loaded as a UMD script before this module, window.Chart) from
// the numbers the server put on its canvas (data-chart); the table under each chart holds the same numbers and is
// the accessible version, so the chart itself is one image (role="img") with a description.

// GOV.UK Design System colours, one a series, in a fixed order so a network keeps its colour across charts.
const COLOURS = ['#1d70b8', '#f47738', '#00703c', '#d4351c', '#4c2c92', '#28a197', '#b58840', '#f499be', '#505a5f'];

/** Chart.js configuration for one chart spec {type, unit, stacked, counts, labels, series: [{name, values}]}. */
export function config(spec) {
  return {
    type: spec.type,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s, i) => ({
        label: s.name,
        data: s.values,
        backgroundColor: COLOURS[i % COLOURS.length],
        borderColor: COLOURS[i % COLOURS.length],
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { position: 'bottom' } },
      scales: {
        x: { stacked: spec.stacked },
        y: {
          stacked: spec.stacked,
          beginAtZero: true,
          title: { display: true, text: spec.unit },
          ticks: spec.counts ? { precision: 0 } : {},
        },
      },
    },
  };
}

export function start(main) {
  const Chart = window.Chart;
  if (!Chart) {
    return; // the tables carry every number on their own
  }
  main.querySelectorAll('canvas[data-chart]').forEach((canvas) => {
    const chart = new Chart(canvas, config(JSON.parse(canvas.dataset.chart)));
    canvas.dataset.drawn = String(chart.data.datasets.length);
  });
}
