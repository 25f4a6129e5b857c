/** Requests to the contacts routes that callRoute (JSON only) does not build: uploads and raw bodies. */

export function importRequest(
  body:
    | { multipart: { file: BlobPart | null; filename?: string; fields?: Record<string, string> } }
    | { raw: BodyInit; contentType: string; contentLength?: number },
  query: Record<string, string> = {},
): Request {
  const url = `http://localhost/api/contacts/import${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ""}`;
  if ("multipart" in body) {
    const form = new FormData();
    if (body.multipart.file !== null) form.set("file", new Blob([body.multipart.file], { type: "text/csv" }), body.multipart.filename ?? "contacts.csv");
    for (const [name, value] of Object.entries(body.multipart.fields ?? {})) form.set(name, value);
    return new Request(url, { method: "POST", body: form });
  }
  const headers: Record<string, string> = { "content-type": body.contentType };
  if (body.contentLength !== undefined) headers["content-length"] = String(body.contentLength);
  return new Request(url, { method: "POST", body: body.raw, headers, duplex: "half" } as RequestInit);
}

export function withParams<P extends Record<string, string>>(params: P) {
  return { params: Promise.resolve(params) };
}
