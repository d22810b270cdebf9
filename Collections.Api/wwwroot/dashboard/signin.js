import { signInAtIssuer, signInForDevelopment, useToken } from "./auth.js";
import { field, h, testId } from "./dom.js";

// The sign-in the configuration asks for; `signedIn` runs once a token is stored, and draws the route again.
export function renderSignIn(view, config, { message, signedIn }) {
  const error = h("p", { class: "form-error", role: "alert", ...testId("sign-in-error"), hidden: true });
  const attempt = form => async event => {
    event.preventDefault();
    error.hidden = true;
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      await submitters[config.mode](new FormData(form));
      await signedIn();
    } catch (failure) {
      error.textContent = failure.message;
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  };

  const form = forms[config.mode](config);
  form.addEventListener("submit", attempt(form));
  view.replaceChildren(h("section", { class: "card sign-in", ...testId("sign-in") },
    h("h2", {}, "Sign in"),
    message ? h("p", { class: "notice", ...testId("sign-in-message") }, message) : null,
    form, error));
  form.querySelector("input, select, button")?.focus();
}

const submitters = {
  development: data => signInForDevelopment({ role: data.get("role"), name: data.get("name"), tenant: data.get("tenant") }),
  token: data => Promise.resolve(useToken(data.get("token"))),
  // The page leaves for the issuer here, and comes back with a code (auth.js completes it).
  issuer: () => signInAtIssuer(location.hash),
};

const forms = {
  development: config => h("form", testId("sign-in-form"),
    h("p", { class: "muted" }, "Development sign-in: any role, no password. Never switched on for a shared installation."),
    field("Role", h("select", { name: "role", required: true, ...testId("sign-in-role") },
      config.roles.map(role => h("option", { value: role }, role)))),
    field("Name", h("input", { name: "name", required: true, autocomplete: "name", placeholder: "Amy Chen", ...testId("sign-in-name") }),
      "Your user id is the name in lower case with dots: Amy Chen works amy.chen's accounts."),
    field("Tenant (optional)", h("input", { name: "tenant", ...testId("sign-in-tenant") })),
    h("button", { type: "submit", class: "primary", ...testId("sign-in-submit") }, "Sign in")),

  token: () => h("form", testId("sign-in-form"),
    h("p", { class: "muted" }, "Paste a bearer token from your issuer (or ./collections token)."),
    field("Token", h("textarea", { name: "token", required: true, rows: 4, spellcheck: "false", ...testId("sign-in-token") })),
    h("button", { type: "submit", class: "primary", ...testId("sign-in-submit") }, "Sign in")),

  issuer: config => h("form", testId("sign-in-form"),
    h("p", { class: "muted" }, `You sign in at ${new URL(config.authority).host}, then come back here.`),
    h("button", { type: "submit", class: "primary", ...testId("sign-in-issuer") }, "Sign in")),
};
