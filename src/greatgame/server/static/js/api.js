/* Fetching from the JSON API, with its one error shape turned into an ApiError. */

export class ApiError extends Error {
  constructor(status, body) {
    const e = (body && body.error) || {};
    super(e.message || `request failed (HTTP ${status})`);
    this.status = status;
    this.code = e.code || "http_error";
    this.details = e.details;
  }
}

// GET (or `init`) `path` relative to the page, with the non-empty `params` as its query.
export async function api(path, params, init) {
  const url = new URL(path, document.baseURI);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
  }
  let res;
  try {
    res = await fetch(url, init);
  } catch (err) {
    throw new ApiError(0, { error: { message: "the server cannot be reached" } });
  }
  let body = null;
  try { body = await res.json(); } catch (err) { body = null; }
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

// The error's message with the fields a 422 names ("since: invalid date").
export function detailText(err) {
  if (!err.details || !Array.isArray(err.details) || !err.details.length) return err.message;
  const d = err.details.map((x) => `${(x.loc || []).filter((p) => p !== "query").join(".")}: ${x.msg}`);
  return `${err.message} (${d.join("; ")})`;
}
