import { postJson, Refused, SignInRequired } from "./api.js";
import { field, h, testId } from "./dom.js";
import { dateTime, words } from "./format.js";

// What a person may do on an account, each offered only to the roles the API lets do it (docs/security.md):
// contacts and tasks are a collector's work on their own accounts (a credit manager's or admin's on any);
// holds are a credit manager's or admin's decision. The API still decides: a refusal is shown as it says it.
export function accountActions(account, caller, done) {
  const collect = caller.capabilities.includes("Collect") && (caller.worksAnyAccount || account.collector === caller.user);
  const manageCredit = caller.capabilities.includes("ManageCredit");
  if (!collect && !manageCredit) return null;

  const base = `/api/accounts/${encodeURIComponent(account.accountNumber)}`;
  // The version the person saw: if the account moved on meanwhile, the API answers 409 and nothing is written.
  const send = (path, command) => postJson(`${base}/${path}`, { ...command, expectedVersion: account.version }).then(done);
  return h("section", { class: "card", ...testId("account-actions") },
    h("h2", {}, "Actions"),
    h("div", { class: "actions" },
      collect ? logContact(account, send) : null,
      collect ? account.openTasks.map(task => completeTask(task, send)) : null,
      manageCredit ? creditHold(account, send) : null));
}

function logContact(account, send) {
  return actionForm("log-contact", "Log a contact", "Log contact", data => send("contacts", {
    channel: data.get("channel"), direction: data.get("direction"), contactId: data.get("contactId") || null,
    outcome: data.get("outcome"), summary: data.get("summary"), occurredAt: null,
  }),
  h("div", { class: "row" },
    choice("Channel", "channel", ["phone", "meeting", "email", "sms", "letter"]),
    choice("Direction", "direction", ["outbound", "inbound"]),
    field("With", h("select", { name: "contactId" }, h("option", { value: "" }, "—"),
      account.contacts.map(c => h("option", { value: c.contactId }, `${c.name} (${words(c.role)})`))))),
  choice("Outcome", "outcome", ["reached", "noAnswer", "leftMessage", "promisedToPay", "disputed", "refused", "askedForCopy", "wrongContact", "other"]),
  field("Summary", h("textarea", { name: "summary", required: true, rows: 3 })));
}

function completeTask(task, send) {
  const form = actionForm("complete-task", `Task: ${words(task.channel)} to ${task.contactId}`, "Complete task",
    data => send(`tasks/${encodeURIComponent(task.taskId)}/completion`, { note: data.get("note") }),
    h("p", { class: "muted small" }, `${task.stepId}, due ${dateTime(task.dueAt)}, for ${task.assignee}`),
    field("Note", h("input", { name: "note", required: true, placeholder: "Called, agreed to pay on Friday" })));
  form.dataset.taskId = task.taskId;
  return form;
}

function creditHold(account, send) {
  const reason = field("Reason", h("input", { name: "reason", required: true }));
  return account.creditHold
    ? actionForm("release-hold", "Release the credit hold", "Release hold", data => send("credit-hold/release", { reason: data.get("reason") }),
      h("p", { class: "muted small" }, "Orders ship again. Refused while anything is past due."), reason)
    : actionForm("place-hold", "Place a credit hold", "Place hold", data => send("credit-hold", { reason: data.get("reason") }),
      h("p", { class: "muted small" }, "The debtor's pending orders stop."), reason);
}

// A form that posts one command; a refusal is shown inside it, in the API's words.
function actionForm(id, title, label, submit, ...fields) {
  const error = h("p", { class: "form-error", role: "alert", ...testId("action-error"), hidden: true });
  const button = h("button", { type: "submit", class: "primary", ...testId(`${id}-submit`) }, label);
  const form = h("form", { class: "action", ...testId(id) }, h("h3", {}, title), fields, error, button);
  form.addEventListener("submit", async event => {
    event.preventDefault();
    error.hidden = true;
    button.disabled = true;
    try {
      await submit(new FormData(form));
    } catch (failure) {
      // The token was dropped: the app draws the sign-in over this form, on the same route.
      if (failure instanceof SignInRequired) return window.dispatchEvent(new CustomEvent("sign-in-required", { detail: failure.message }));
      error.replaceChildren(failure instanceof Refused ? h("strong", {}, `${failure.title}: `) : null, failure.message);
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

const choice = (label, name, values) => field(label, h("select", { name }, values.map(v => h("option", { value: v }, words(v)))));
