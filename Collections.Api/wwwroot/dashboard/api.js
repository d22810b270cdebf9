// Reads the JSON read side. Every answer but the raw events carries its freshness, shown in the header badge.
export async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.detail ?? body?.title ?? `${url}: HTTP ${response.status}`);
  return body;
}

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
