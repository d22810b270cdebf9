import { currentToken, forgetToken } from "./auth.js";

// Calls the API as the signed-in person. Every answer but the raw events carries its freshness, shown in the header badge.

// No token, or the API answered 401 (expired, revoked): the app shows the sign-in and keeps the route.
export class SignInRequired extends Error {}

// The API said no: its problem details' title ("Your role does not allow this") and detail (why, what would do).
export class Refused extends Error {
  constructor(status, problem, url) {
    super(problem?.detail ?? problem?.title ?? `${url}: HTTP ${status}`);
    this.status = status;
    this.title = problem?.title ?? `HTTP ${status}`;
  }
}

async function call(url, init = {}) {
  const token = await currentToken();
  if (!token) throw new SignInRequired(""); // not signed in yet: nothing to explain
  const response = await fetch(url, {
    ...init, headers: { Accept: "application/json", Authorization: `Bearer ${token}`, ...init.headers },
  });
  const body = await response.json().catch(() => null);
  if (response.status === 401) {
    await forgetToken();
    throw new SignInRequired("Your session has ended: sign in again.");
  }
  if (!response.ok) throw new Refused(response.status, body, url);
  return body;
}

export const getJson = url => call(url);

export const postJson = (url, command) =>
  call(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(command) });

export async function getFresh(url) {
  const body = await getJson(url);
  showFreshness(body.freshness);
  return body.data;
}

function showFreshness({ projection, processedUpTo, latestEvent, eventsBehind }) {
  const badge = document.getElementById("freshness");
  badge.textContent = eventsBehind === 0 ? "Up to date" : `${eventsBehind.toLocaleString("en")} events behind`;
  badge.className = `badge ${eventsBehind === 0 ? "ok" : "behind"}`;
  badge.dataset.eventsBehind = eventsBehind;
  badge.title = `${projection}: processed event ${processedUpTo.toLocaleString("en")} of ${latestEvent.toLocaleString("en")}`;
}

export function clearFreshness() {
  const badge = document.getElementById("freshness");
  badge.textContent = "…";
  badge.className = "badge";
  badge.removeAttribute("title");
}
