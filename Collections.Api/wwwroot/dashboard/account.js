import { accountActions } from "./actions.js";
import { getFresh, getJson } from "./api.js";
import { h, testId } from "./dom.js";
import { count, date, dateTime, money, moneyList, words, workKinds } from "./format.js";

// One account: who and what is owed, where it stands, what the signed-in person may do, then every event with
// the contacts they made. After an action, `redraw` shows the account again once the read side has it.
export async function renderAccount(view, accountNumber, { caller, redraw }) {
  const base = `/api/accounts/${encodeURIComponent(accountNumber)}`;
  const [summary, contacts, events] = await Promise.all([
    getFresh(`${base}/summary`), getFresh(`${base}/contact-history`), getJson(`${base}/events`)]);
  const account = summary.account;
  const done = async result => {
    await caughtUp(base, result.version);
    await redraw();
  };

  view.replaceChildren(
    h("section", { class: "card", ...testId("account-summary") },
      h("div", { class: "section-head" },
        h("h2", testId("account-name"), account.debtorName),
        h("p", { class: "muted" }, [account.accountNumber, account.segment, account.collector ?? "unassigned",
          account.timeZone, `net ${account.terms.netDays} days`].join(" · "))),
      h("dl", { class: "facts" },
        fact("Open balance", moneyList(account.openBalance), "open-balance"),
        fact("Past due", moneyList(account.pastDueBalance), "past-due", account.pastDueBalance.length > 0),
        fact("Segment", account.dunning ? `${account.segment} (ladder: ${account.dunning.segment})` : account.segment, "segment"),
        account.dunning?.segmentReason ? fact("Why this ladder", account.dunning.segmentReason, "segment-reason") : null,
        Object.keys(account.unappliedCredit).length
          ? fact("Unapplied credit", moneyList(Object.entries(account.unappliedCredit).map(([currency, amount]) => ({ amount, currency }))), "unapplied-credit")
          : null,
        fact("Next step", nextStep(account.dunning), "next-step"),
        fact("Credit hold", account.creditHold ? `Since ${date(account.creditHold.placedAt)}: ${account.creditHold.reason}` : "None", "credit-hold", !!account.creditHold),
        fact("Promise", account.openPromise ? promise(account.openPromise) : "None", "promise", account.openPromise?.acceptance === "awaitingApproval"),
        fact("Payment plan", plan(account.paymentPlan), "payment-plan", planNeedsAttention(account.paymentPlan)),
        fact("Disputes", account.openDisputes.length ? account.openDisputes.map(d => `${d.disputeId} on ${d.invoiceNumbers.join(", ")}: ${d.reason}`).join("; ") : "None", "disputes", account.openDisputes.length > 0),
        fact("Last contact", dateTime(summary.lastContactAt), "last-contact")),
      summary.workToday.length
        ? h("p", { class: "work-today" }, "Today: ", summary.workToday.map(w => h("span", { class: `chip kind-${w.kind}`, title: w.detail }, workKinds[w.kind] ?? w.kind)))
        : null),
    accountActions(account, caller, done),
    h("div", { class: "columns" },
      h("section", { class: "card" }, h("h2", {}, "Invoices"), invoices(account), instalments(account.paymentPlan)),
      h("section", { class: "card" },
        h("div", { class: "section-head" }, h("h2", {}, "Timeline"),
          h("p", { class: "muted" }, `${count(events.length)} events, ${count(contacts.length)} contacts, newest first`)),
        timeline(events, contacts))));
}

// The summary is a projection: a write is on it a moment later. Waits that moment (a few seconds at most).
async function caughtUp(base, version) {
  for (let attempt = 0; attempt < 40; attempt++) {
    if ((await getFresh(`${base}/summary`)).account.version >= version) return;
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

const fact = (term, value, id, alert = false) =>
  h("div", { class: alert ? "fact alert" : "fact" }, h("dt", {}, term), h("dd", testId(id), value));

function nextStep(dunning) {
  if (!dunning) return "Not escalating";
  if (dunning.pausedFor) return `Paused: ${dunning.pausedFor}`;
  const step = dunning.nextStep;
  return step ? `${words(step.action)} by ${step.channel} (${step.stepId}) on ${dateTime(step.dueAt)}` : "—";
}

// Whether the promise holds the escalation is part of it: one outside the policy does nothing until approved.
const promise = p => [`${money(p.amount.amount, p.amount.currency)} by ${date(p.promisedDate)}, ${money(p.paidSince, p.amount.currency)} paid since`,
  h("small", { class: "reason", "data-acceptance": p.acceptance }, p.acceptanceReason)];

const plan = p => p
  ? `${p.planId} ${planStatus[p.status]}: ${money(p.total.amount, p.total.currency)} in ${p.instalments.length} instalments, ` +
    `${money(p.paidSince, p.total.currency)} paid; agreed by ${p.agreedBy} on ${date(p.agreedAt)}`
  : "None";

const planNeedsAttention = p => !!p && (p.status === "broken" || p.instalments.some(i => i.status === "late"));

const planStatus = { open: "in place", completed: "completed", broken: "broken" };

const instalmentStatus = { upcoming: "Upcoming", late: "Late, within the grace", met: "Met", missed: "Missed", void: "Void: the plan broke" };

// The latest plan's instalments, each with its standing today (the API decides it: met, late, missed…).
function instalments(p) {
  if (!p) return null;
  return [h("h3", {}, `Payment plan ${p.planId}`),
    h("table", { class: "grid compact", ...testId("plan-instalments") },
      h("thead", {}, h("tr", {}, h("th", {}, "#"), h("th", {}, "Due"), h("th", { class: "num" }, "Amount"), h("th", {}, "Status"))),
      h("tbody", {}, p.instalments.map(i => h("tr", { class: `instalment-${i.status}`, ...testId("plan-instalment"), "data-status": i.status },
        h("td", {}, i.number), h("td", { class: "nowrap" }, date(i.dueDate)), h("td", { class: "num" }, money(i.amount, p.total.currency)),
        h("td", {}, i.metAt ? `${instalmentStatus[i.status]} on ${date(i.metAt)}` : instalmentStatus[i.status])))))];
}

function invoices(account) {
  return h("table", { class: "grid compact", ...testId("invoices") },
    h("thead", {}, h("tr", {}, h("th", {}, "Invoice"), h("th", {}, "Due"), h("th", { class: "num" }, "Amount"),
      h("th", { class: "num" }, "Open"), h("th", { class: "num" }, "Days late"))),
    h("tbody", {}, account.invoices.map(i => h("tr", { class: i.open > 0 ? null : "settled" },
      h("td", { class: "nowrap" }, i.invoiceNumber), h("td", { class: "nowrap" }, date(i.dueDate)),
      h("td", { class: "num" }, money(i.amount, i.currency)), h("td", { class: "num" }, money(i.open, i.currency)),
      h("td", { class: "num" }, i.daysPastDue || "")))));
}

// Contact-history entries name the event they came from by stream version: shown inside that event.
function timeline(events, contacts) {
  const contactAt = new Map(contacts.map(c => [c.version, c]));
  return h("ol", { class: "timeline", ...testId("timeline") }, [...events].reverse().map(e => {
    const contact = contactAt.get(e.version);
    return h("li", { class: contact ? "contact" : null, ...testId("timeline-entry"), "data-version": e.version, "data-type": e.type },
      h("div", { class: "when" }, dateTime(contact?.at ?? e.timestamp), h("span", { class: "muted" }, ` · v${e.version}${e.actor ? ` · ${e.actor}` : ""}`)),
      h("div", { class: "what" }, h("strong", {}, words(e.type)), " ", h("span", { class: "muted" }, describe(e.data))),
      contact ? h("blockquote", {},
        h("div", { class: "small muted" }, `${contact.channel} ${contact.direction ?? ""} · ${contact.from} → ${contact.to ?? "—"} · ${contact.outcome}`),
        contact.subject ? h("div", { class: "strong" }, contact.subject) : null,
        h("div", { class: "text" }, contact.text)) : null,
      h("details", {}, h("summary", {}, "Event data"), h("pre", {}, JSON.stringify(e.data, null, 2))));
  }));
}

// The event's simple fields, money and dates formatted; nested details stay in "Event data".
function describe(data) {
  return Object.entries(data)
    .filter(([key]) => key !== "accountNumber")
    .map(([key, value]) => [words(key).toLowerCase(), plain(value)])
    .filter(([, value]) => value !== null)
    .slice(0, 5).map(pair => pair.join(" ")).join(" · ");
}

function plain(value) {
  if (value && typeof value === "object") return "amount" in value && "currency" in value ? money(value.amount, value.currency) : null;
  if (typeof value !== "string") return typeof value === "number" || typeof value === "boolean" ? String(value) : null;
  if (/^\d{4}-\d\d-\d\dT/.test(value)) return dateTime(value);
  return /^\d{4}-\d\d-\d\d$/.test(value) ? date(value) : value;
}
