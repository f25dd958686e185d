/** A typed fetch for the app's own JSON API. Errors come back as values with the server's code. */
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: { code: string; message: string; details?: unknown }; data: unknown };

export async function apiFetch<T = unknown>(path: string, options: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, { method: options.method ?? "GET", headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), credentials: "same-origin" });
  } catch {
    return { ok: false, status: 0, error: { code: "NETWORK_ERROR", message: "The server could not be reached." }, data: null };
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (response.ok) return { ok: true, status: response.status, data: data as T };
  const error = (data as { error?: { code: string; message: string; details?: unknown } } | null)?.error ?? { code: `HTTP_${response.status}`, message: response.statusText };
  return { ok: false, status: response.status, error, data };
}
