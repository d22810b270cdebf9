// Labels and number formats shared by the views.
export const buckets = [
  { key: "current", label: "Current", colour: "#6baed6" },
  { key: "days1To30", label: "1–30 days", colour: "#fdd49e" },
  { key: "days31To60", label: "31–60 days", colour: "#fdae6b" },
  { key: "days61To90", label: "61–90 days", colour: "#e6550d" },
  { key: "over90", label: "Over 90 days", colour: "#8c2d04" },
];

export const workKinds = {
  call: "Call",
  letterToSend: "Letter to send",
  promiseFallingDue: "Promise falling due",
  brokenPromise: "Broken promise",
  finalNoticeDeadline: "Final-notice deadline",
  holdToReview: "Hold to review",
  dispute: "Dispute",
  contactDetailsToFind: "Contact details to find",
  noticeToDispatch: "Final notice to send",
};

export const money = (amount, currency) =>
  new Intl.NumberFormat("en", { style: "currency", currency }).format(amount);

export const compactMoney = (amount, currency) =>
  new Intl.NumberFormat("en", { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 }).format(amount);

export const moneyList = list => list.length ? list.map(m => money(m.amount, m.currency)).join(" + ") : "—";

export const count = n => n.toLocaleString("en");

// A date-only value ("2031-03-28", a due date) is a calendar day: read and shown as UTC so no time zone shifts it.
export const date = value => value
  ? new Date(value).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: value.length === 10 ? "UTC" : undefined })
  : "—";

export const dateTime = value => value
  ? new Date(value).toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" })
  : "—";

// "InvoiceIssued" → "Invoice issued"
export const words = name => name.replace(/(?<=[a-z0-9])([A-Z])/g, " $1").replace(/^./, c => c.toUpperCase())
  .replace(/ [A-Z](?=[a-z])/g, w => w.toLowerCase());
