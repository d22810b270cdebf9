import { buckets, compactMoney, money } from "./format.js";

// One stacked bar per collector, one stack segment per aging bucket, for the rows of one currency.
export function agingChart(canvas, currency, rows) {
  return new Chart(canvas, {
    type: "bar",
    data: {
      labels: rows.map(r => r.group),
      datasets: buckets.map(b => ({
        label: b.label,
        data: rows.map(r => r[b.key].amount),
        backgroundColor: b.colour,
        borderColor: "#fff",
        borderWidth: 1,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: { duration: 300 },
      scales: {
        x: { stacked: true, grid: { display: false } },
        y: { stacked: true, ticks: { callback: value => compactMoney(value, currency) } },
      },
      plugins: {
        legend: { position: "bottom", labels: { boxWidth: 12, boxHeight: 12 } },
        tooltip: { callbacks: { label: item => `${item.dataset.label}: ${money(item.raw, currency)}` } },
      },
    },
  });
}
