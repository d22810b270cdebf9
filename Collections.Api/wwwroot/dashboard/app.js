import { renderAccount } from "./account.js";
import { clearFreshness, getJson, SignInRequired } from "./api.js";
import { completeIssuerRedirect, loadConfig, signOut } from "./auth.js";
import { h, testId } from "./dom.js";
import { renderOverview } from "./overview.js";
import { queueHash, renderQueue } from "./queue.js";
import { renderSignIn } from "./signin.js";

// Hash routes, so the back button and shared links work without server routes:
//   #/  overview · #/queue/{collector}?kind=&page= · #/account/{number}
// Signing in never changes the hash, so a link opened while signed out lands where it points once signed in.
const view = document.getElementById("view");
let config;        // GET /auth/config: how to sign in
let caller = null; // GET /auth/me: who is signed in, and what their roles may see and do

function route(hash) {
  const [path, query = ""] = hash.replace(/^#/, "").split("?");
  const [, page, id] = path.split("/").map(decodeURIComponent);
  const params = new URLSearchParams(query);
  if (page === "queue" && id) {
    const state = { kind: params.get("kind"), page: Math.max(1, Number(params.get("page")) || 1) };
    return { name: "queue", crumbs: [[queueHash(id), id]], render: () => renderQueue(view, id, state) };
  }
  if (page === "account" && id)
    return { name: "account", crumbs: [[`#/account/${encodeURIComponent(id)}`, id]], render: () => renderAccount(view, id, { caller, redraw: show }) };
  return { name: "overview", crumbs: [], render: () => renderOverview(view) };
}

async function show({ message } = {}) {
  const hash = location.hash;
  view.dataset.ready = "";
  document.getElementById("as-of").textContent = ""; // the overview says which moment its report is of
  view.setAttribute("aria-busy", "true");
  document.getElementById("breadcrumb").replaceChildren();
  let ready;
  try {
    caller ??= await getJson("/auth/me");
    ready = caller.capabilities.includes("Read") ? await showRoute(hash) : notForRole();
  } catch (error) {
    if (error instanceof SignInRequired) {
      caller = null;
      ready = "signin";
      clearFreshness(); // what it said was for the one signed in
      renderSignIn(view, config, { message: message ?? error.message, signedIn });
    } else {
      ready = "error";
      view.replaceChildren(h("section", { class: "card error", role: "alert", ...testId("error") }, error.message));
    }
  }
  showCaller();
  view.removeAttribute("aria-busy");
  // Tests wait on these: which view has its data on screen, and for which address.
  view.dataset.ready = ready;
  view.dataset.shown = hash;
  window.scrollTo(0, 0);
}

async function showRoute(hash) {
  const current = route(hash);
  document.getElementById("breadcrumb").replaceChildren(
    h("a", { href: "#/" }, "Overview"), ...current.crumbs.flatMap(([href, label]) => [" / ", h("a", { href }, label)]));
  await current.render();
  return current.name;
}

// Integration is for services: no debtor's details, no reports. Said plainly rather than shown as failures.
function notForRole() {
  view.replaceChildren(h("section", { class: "card", ...testId("not-for-role") },
    h("h2", {}, "Not for this role"),
    h("p", {}, `You are signed in as ${caller.name} (${caller.roles.join(", ") || "no role"}). The dashboard shows accounts, ` +
      "reports and work queues, and this role may not read them."),
    caller.roles.includes("integration")
      ? h("p", { class: "muted" }, "The integration role is for services: billing's invoices and payments, accounts from the ERP, " +
        "the order check and the event feed.")
      : null,
    h("p", {}, "Sign out and sign in as a collector, credit manager, auditor or admin to use it.")));
  return "not-for-role";
}

async function signedIn() {
  try {
    caller = await getJson("/auth/me");
  } catch (error) {
    throw error instanceof SignInRequired
      ? new Error("The service did not accept that sign-in: the token may have expired, or be meant for another service.")
      : error;
  }
  await show();
}

function showCaller() {
  document.getElementById("session").replaceChildren(...(caller ? [
    h("span", testId("signed-in-as"), h("strong", testId("signed-in-name"), caller.name), " · ",
      h("span", testId("signed-in-role"), caller.roles.join(", ")), caller.tenant ? ` · ${caller.tenant}` : null),
    h("button", { type: "button", ...testId("sign-out"), onclick: leave }, "Sign out"),
  ] : []));
}

async function leave() {
  caller = null;
  await signOut(); // with an issuer that ends sessions, the page leaves here and comes back signed out
  await show();
}

async function start() {
  let message;
  try {
    config = await loadConfig();
    await completeIssuerRedirect();
  } catch (error) {
    message = error.message;
  }
  if (!config) {
    view.replaceChildren(h("section", { class: "card error", role: "alert", ...testId("error") }, message));
    view.dataset.ready = "error";
    return;
  }
  window.addEventListener("hashchange", () => show());
  // An action refused with 401: the token was dropped, so this shows the sign-in, on the same route.
  window.addEventListener("sign-in-required", event => { caller = null; show({ message: event.detail }); });
  document.getElementById("refresh").addEventListener("click", () => show());
  // The overview follows the read side as it catches up; drill-downs and the sign-in stay still while someone reads or types.
  setInterval(() => { if (caller && view.dataset.ready === "overview") show(); }, 30_000);
  await show({ message });
}

start();
