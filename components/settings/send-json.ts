import { readProblem, type Problem } from "@/components/forms/problem";
import { tenantFetch, type ApiPath } from "@/lib/http/tenant-fetch";

export type SendResult<T> = { ok: true; data: T } | { ok: false; problem: Problem };

/**
 * One JSON request from a settings card: the answer's body, or its problem in plain words. On a dashboard page
 * it names the clinic the page shows (tenantFetch); on the invitation page there is none to name.
 */
export async function sendJson<T>(url: ApiPath, method: "POST" | "PATCH" | "DELETE", body?: unknown): Promise<SendResult<T>> {
  try {
    const res = await tenantFetch(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) return { ok: false, problem: await readProblem(res) };
    return { ok: true, data: (res.status === 204 ? null : await res.json()) as T };
  } catch (reason) {
    return { ok: false, problem: { status: 0, detail: `Could not reach Callboard: ${String(reason)}` } };
  }
}
