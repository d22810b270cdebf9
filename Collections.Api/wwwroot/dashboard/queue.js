import { getFresh } from "./api.js";
import { h, testId } from "./dom.js";
import { count, dateTime, moneyList, workKinds } from "./format.js";

export const pageSize = 50;

export const queueHash = (collector, { kind, page } = {}) => {
  const query = new URLSearchParams();
  if (kind) query.set("kind", kind);
  if (page > 1) query.set("page", page);
  return `#/queue/${encodeURIComponent(collector)}${query.size ? `?${query}` : ""}`;
};

// A collector's work today, highest priority first, filtered by kind and paged by the API.
export async function renderQueue(view, collector, { kind, page }) {
  const query = new URLSearchParams({ collector, sort: "priority", page, pageSize });
  if (kind) query.set("kind", kind);
  const queue = await getFresh(`/api/work-queue?${query}`);
  const pages = Math.max(1, Math.ceil(queue.total / pageSize));
  const all = Object.values(queue.countsByKind).reduce((sum, n) => sum + n, 0);

  const filter = (value, label, n) => h("a", {
    class: "filter", href: queueHash(collector, { kind: value }), "aria-current": (kind ?? null) === value ? "true" : null,
    ...testId(`kind-${value ?? "all"}`),
  }, label, h("span", { class: "filter-count" }, count(n)));

  view.replaceChildren(h("section", { class: "card", ...testId("queue") },
    h("div", { class: "section-head" },
      h("h2", {}, `Work queue · ${collector}`),
      h("p", { class: "muted", ...testId("queue-total") }, `${count(all)} items need action today`)),
    h("nav", { class: "filters", "aria-label": "Filter by kind", ...testId("kind-filter") },
      filter(null, "All", all),
      Object.keys(workKinds).filter(k => queue.countsByKind[k]).map(k => filter(k, workKinds[k], queue.countsByKind[k]))),
    queue.items.length === 0
      ? h("p", { class: "empty" }, "Nothing to do here today.")
      : h("table", { class: "grid queue", ...testId("queue-table") },
        h("thead", {}, h("tr", {},
          ["Priority", "Account", "Kind", "What to do", "Due", "Past due", "Days late"].map(
            title => h("th", { scope: "col", class: ["Priority", "Past due", "Days late"].includes(title) ? "num" : null }, title)))),
        h("tbody", {}, queue.items.map(item => h("tr", { ...testId("queue-item"), "data-account": item.accountNumber, "data-kind": item.kind },
          h("td", { class: "num" }, count(Math.round(item.priority))),
          h("td", {},
            h("a", { href: `#/account/${encodeURIComponent(item.accountNumber)}`, ...testId("account-link") }, item.accountNumber),
            h("div", { class: "muted small" }, item.debtorName)),
          h("td", {}, h("span", { class: `chip kind-${item.kind}` }, workKinds[item.kind] ?? item.kind)),
          h("td", { class: "detail" }, item.detail),
          h("td", { class: "nowrap" }, dateTime(item.dueAt)),
          h("td", { class: "num nowrap" }, moneyList(item.pastDue)),
          h("td", { class: "num" }, item.daysPastDue))))),
    h("div", { class: "pager", ...testId("pager") },
      h("a", { class: "button", href: queueHash(collector, { kind, page: page - 1 }), "aria-disabled": page <= 1 ? "true" : null, ...testId("prev-page") }, "← Previous"),
      h("span", testId("page-info"), `Page ${page} of ${pages}`),
      h("a", { class: "button", href: queueHash(collector, { kind, page: page + 1 }), "aria-disabled": page >= pages ? "true" : null, ...testId("next-page") }, "Next →"))));
}
