import { renderAccount } from "./account.js";
import { h } from "./dom.js";
import { renderOverview } from "./overview.js";
import { queueHash, renderQueue } from "./queue.js";

// Hash routes, so the back button and shared links work without server routes:
//   #/  overview · #/queue/{collector}?kind=&page= · #/account/{number}
const view = document.getElementById("view");

function route(hash) {
  const [path, query = ""] = hash.replace(/^#/, "").split("?");
  const [, page, id] = path.split("/").map(decodeURIComponent);
  const params = new URLSearchParams(query);
  if (page === "queue" && id) {
    const state = { kind: params.get("kind"), page: Math.max(1, Number(params.get("page")) || 1) };
    return { name: "queue", crumbs: [[queueHash(id), id]], render: () => renderQueue(view, id, state) };
  }
  if (page === "account" && id)
    return { name: "account", crumbs: [[`#/account/${encodeURIComponent(id)}`, id]], render: () => renderAccount(view, id) };
  return { name: "overview", crumbs: [], render: () => renderOverview(view) };
}

async function show() {
  const hash = location.hash;
  const current = route(hash);
  view.dataset.ready = "";
  document.getElementById("as-of").textContent = ""; // the overview says which moment its report is of
  view.setAttribute("aria-busy", "true");
  document.getElementById("breadcrumb").replaceChildren(
    h("a", { href: "#/" }, "Overview"), ...current.crumbs.flatMap(([href, label]) => [" / ", h("a", { href }, label)]));
  let ready = current.name;
  try {
    await current.render();
  } catch (error) {
    ready = "error";
    view.replaceChildren(h("section", { class: "card error", role: "alert", "data-testid": "error" }, error.message));
  }
  view.removeAttribute("aria-busy");
  // Tests wait on these: which view has its data on screen, and for which address.
  view.dataset.ready = ready;
  view.dataset.shown = hash;
  window.scrollTo(0, 0);
}

window.addEventListener("hashchange", show);
document.getElementById("refresh").addEventListener("click", show);
// The overview follows the read side as it catches up; drill-downs stay still while someone reads them.
setInterval(() => { if (route(location.hash).name === "overview") show(); }, 30_000);
show();
