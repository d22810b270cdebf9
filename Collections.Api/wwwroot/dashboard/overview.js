import { getFresh } from "./api.js";
import { agingChart } from "./aging-chart.js";
import { h, testId } from "./dom.js";
import { buckets, compactMoney, count, dateTime, money, workKinds } from "./format.js";
import { queueHash } from "./queue.js";

// Chart.js keeps a handle on every canvas it draws; old charts are destroyed before a refresh replaces them.
let charts = [];

export async function renderOverview(view) {
  const [aging, collectors] = await Promise.all([getFresh("/api/reports/aging"), getFresh("/api/collectors")]);
  charts.forEach(c => c.destroy());
  document.getElementById("as-of").textContent = `As of ${dateTime(aging.asOf)}`;

  const currencies = aging.total.map(r => r.currency);
  const chartFigures = currencies.map(currency => {
    const canvas = h("canvas", { ...testId(`aging-chart-${currency}`), role: "img", "aria-label": `Aging of ${currency} invoices by collector` });
    return { currency, figure: h("figure", { class: "chart" }, h("figcaption", {}, `${currency} by collector`), h("div", { class: "chart-box" }, canvas)), canvas };
  });

  view.replaceChildren(
    h("section", { class: "card", ...testId("aging") },
      h("div", { class: "section-head" },
        h("h2", {}, "Aging"),
        h("p", { class: "muted" }, "Open invoices by days past due on the debtor's calendar")),
      currencies.length === 0 ? h("p", { class: "empty" }, "Nothing is open.") : null,
      h("div", { class: "charts" }, chartFigures.map(c => c.figure)),
      currencies.length ? totalsTable(aging.total) : null),
    h("section", { class: "card", ...testId("collectors") },
      h("div", { class: "section-head" },
        h("h2", {}, "Collectors"),
        h("p", { class: "muted" }, "Choose a collector to open today's work queue")),
      collectorsTable(collectors, currencies)));

  charts = chartFigures.map(({ currency, canvas }) =>
    agingChart(canvas, currency, aging.byCollector.filter(r => r.currency === currency)));
}

function bucketHeader(bucket) {
  // Coloured through the CSSOM, not a style attribute: a Content-Security-Policy without 'unsafe-inline' allows it.
  const swatch = h("span", { class: "swatch" });
  swatch.style.background = bucket.colour;
  return h("th", { class: "num", scope: "col" }, swatch, bucket.label);
}

// The chart's figures as numbers: the bucket totals per currency, amounts and invoice counts.
function totalsTable(rows) {
  return h("table", { class: "grid totals", ...testId("aging-totals") },
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, "Currency"), h("th", { class: "num", scope: "col" }, "Accounts"),
      buckets.map(bucketHeader),
      h("th", { class: "num", scope: "col" }, "Total open"), h("th", { class: "num", scope: "col" }, "DSO"))),
    h("tbody", {}, rows.map(row => h("tr", testId(`aging-total-${row.currency}`),
      h("th", { scope: "row" }, row.currency),
      h("td", { class: "num" }, count(row.accounts)),
      buckets.map(b => h("td", {
        class: "num", ...testId(`aging-total-${row.currency}-${b.key}`),
        "data-amount": row[b.key].amount, "data-count": row[b.key].count,
        title: money(row[b.key].amount, row.currency),
      }, compactMoney(row[b.key].amount, row.currency), h("small", {}, `${count(row[b.key].count)} inv.`))),
      h("td", { class: "num strong", title: money(row.totalOpen, row.currency) }, compactMoney(row.totalOpen, row.currency)),
      h("td", { class: "num" }, row.dso === null ? "—" : `${row.dso} d`)))));
}

function collectorsTable(collectors, currencies) {
  const amountCell = (collector, key) => h("td", { class: "num" }, currencies.map(currency => {
    const row = collector.aging.find(r => r.currency === currency);
    if (!row) return null;
    const amount = key === "totalOpen" ? row.totalOpen : row[key].amount;
    return h("div", {
      ...testId(`collector-${collector.collector}-${currency}-${key}`), "data-amount": amount,
      "data-count": key === "totalOpen" ? undefined : row[key].count, title: money(amount, currency),
    }, compactMoney(amount, currency));
  }));

  return h("table", { class: "grid collectors", ...testId("collectors-table") },
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, "Collector"), buckets.map(bucketHeader),
      h("th", { class: "num", scope: "col" }, "Total open"), h("th", { scope: "col" }, "Today's work"))),
    h("tbody", {}, collectors.map(c => {
      const work = Object.keys(workKinds).filter(kind => c.workToday[kind]).map(kind => [kind, c.workToday[kind]]);
      const open = () => { location.hash = queueHash(c.collector); };
      return h("tr", { class: "clickable", ...testId("collector-row"), "data-collector": c.collector, onclick: open },
        h("th", { scope: "row" }, h("a", { href: queueHash(c.collector), ...testId("collector-link") }, c.collector)),
        buckets.map(b => amountCell(c, b.key)),
        amountCell(c, "totalOpen"),
        h("td", { ...testId("collector-work") },
          h("strong", { class: "work-total" }, count(work.reduce((sum, [, n]) => sum + n, 0))),
          work.map(([kind, n]) => h("span", { class: `chip kind-${kind}` }, `${n} ${workKinds[kind]}`))));
    })));
}
