import { readProblem, type Problem } from "@/components/forms/problem";

export type SendResult<T> = { ok: true; data: T } | { ok: false; problem: Problem };

/** One JSON request from a settings card: the answer's body, or its problem in plain words. */
export async function sendJson<T>(url: string, method: "POST" | "PATCH" | "DELETE", body?: unknown): Promise<SendResult<T>> {
  try {
    const res = await fetch(url, {
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
