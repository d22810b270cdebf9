// Which token the dashboard sends, and how it gets one (GET /auth/config says which way):
//   issuer       authorization code with PKCE at the OpenID Connect issuer (oidc-client-ts, ../lib)
//   development  the embedded issuer's sign-in form: POST /auth/dev/token, any role, no password
//   token        a bearer token pasted in
// Tokens live in sessionStorage (oidc-client-ts keeps its user there too): gone with the tab, never in a cookie.
const tokenKey = "collections.token";

let config;
let issuer; // oidc-client-ts's UserManager, in issuer mode only

// The issuer sends people back here, so this address is the redirect URI to register for the dashboard's client.
export const dashboardUrl = () => new URL(".", location.href).href;

export async function loadConfig() {
  const response = await fetch("/auth/config", { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`/auth/config: HTTP ${response.status}`);
  config = await response.json();
  if (config.mode === "issuer")
    issuer = new oidc.UserManager({
      authority: config.authority, client_id: config.clientId, scope: config.scope, response_type: "code",
      redirect_uri: dashboardUrl(), post_logout_redirect_uri: dashboardUrl(),
    });
  return config;
}

export async function currentToken() {
  if (!issuer) return sessionStorage.getItem(tokenKey);
  const user = await issuer.getUser();
  return user && !user.expired ? user.access_token : null;
}

export async function signInForDevelopment({ role, name, tenant }) {
  const response = await fetch("/auth/dev/token", {
    method: "POST", headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify({ role, name, tenant: tenant || null }),
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.detail ?? body?.title ?? `Sign-in failed: HTTP ${response.status}`);
  sessionStorage.setItem(tokenKey, body.token);
}

export function useToken(token) {
  sessionStorage.setItem(tokenKey, token.trim().replace(/^Bearer\s+/i, ""));
}

// The route travels through the issuer in `state`, so signing in lands where the person was.
export const signInAtIssuer = route => issuer.signinRedirect({ state: route });

// Back from the issuer: with ?code=…&state=… (or ?error=…) from signing in, trade the code for tokens and put
// the route back; with only ?state=… from signing out, tidy up. Either way the address is left clean.
export async function completeIssuerRedirect() {
  const query = new URLSearchParams(location.search);
  if (!issuer || !query.has("state")) return;
  if (!query.has("code") && !query.has("error")) {
    await issuer.signoutCallback().catch(() => undefined);
    history.replaceState(null, "", dashboardUrl());
    return;
  }
  try {
    const user = await issuer.signinRedirectCallback();
    history.replaceState(null, "", dashboardUrl() + (user.state ?? ""));
  } catch (error) {
    history.replaceState(null, "", dashboardUrl());
    throw new Error(`The issuer did not sign you in: ${error.message}`);
  }
}

// A refused or expired token is dropped, so the next call asks for a sign-in instead of failing again.
export async function forgetToken() {
  sessionStorage.removeItem(tokenKey);
  await issuer?.removeUser();
}

// Ends the issuer's session too when it has an end-session endpoint; the page then leaves and comes back.
export async function signOut() {
  sessionStorage.removeItem(tokenKey);
  if (!issuer) return;
  const endSession = await issuer.metadataService.getEndSessionEndpoint().catch(() => undefined);
  if (endSession) await issuer.signoutRedirect();
  else await issuer.removeUser();
}
