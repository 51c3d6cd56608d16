import type { Endpoint } from "@/lib/api-docs/endpoints";
import { inputJsonSchema, pathParams, queryParameters } from "@/lib/api-docs/openapi";
import { cn } from "@/components/ui/cn";
import { SchemaFields } from "./schema-fields";

const METHOD_COLORS: Record<Endpoint["method"], string> = {
  GET: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  POST: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  PUT: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  PATCH: "bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-200",
  DELETE: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
};

/** Text with `code` spans, as the endpoint descriptions are written. */
export function DocText({ text }: { text: string }) {
  return (
    <>
      {text.split("`").map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="font-mono text-[0.9em]">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function anchorOf(e: Endpoint): string {
  return `${e.method}-${e.path}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/-+$/, "");
}

/** A curl line a person can paste: the token from $REMIT_TOKEN, the host from $REMIT_URL. */
export function curlExample(e: Endpoint): string {
  const url = `"$REMIT_URL${e.path}"`;
  const lines = [`curl -X ${e.method} ${url}`];
  if (e.auth !== "public") lines.push(`  -H "Authorization: Bearer $REMIT_TOKEN"`);
  if (e.body) {
    lines.push(`  -H "Content-Type: application/json"`);
    lines.push(`  -d '${JSON.stringify(e.example ?? {})}'`);
  } else if (e.rawBody) {
    lines.push(`  -F "file=@matrix.csv"`);
  }
  return lines.join(" \\\n");
}

export function EndpointCard({ endpoint: e }: { endpoint: Endpoint }) {
  const params = pathParams(e.path);
  const query = queryParameters(e);
  return (
    <article
      id={anchorOf(e)}
      aria-labelledby={`${anchorOf(e)}-title`}
      className="scroll-mt-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h3 id={`${anchorOf(e)}-title`} className="flex flex-wrap items-center gap-2">
        <span className={cn("rounded px-2 py-0.5 font-mono text-xs font-bold", METHOD_COLORS[e.method])}>
          {e.method}
        </span>
        <code className="font-mono text-sm break-all">{e.path}</code>
      </h3>
      <p className="mt-2 font-medium">{e.summary}</p>
      {e.description ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          <DocText text={e.description} />
        </p>
      ) : null}
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        {e.auth === "public"
          ? "No authentication."
          : e.auth === "session"
            ? "Signed-in browser session only (not an API token)."
            : "API token or session."}
        {e.access ? ` ${e.access}` : ""}
      </p>
      {params.length ? (
        <p className="mt-3 text-sm">
          <span className="font-medium">Path parameters:</span>{" "}
          {params.map((p) => (
            <code key={p} className="mr-2 font-mono text-xs">
              {p}
            </code>
          ))}
        </p>
      ) : null}
      {query.length ? (
        <SchemaFields
          caption="Query parameters"
          schema={{
            type: "object",
            properties: Object.fromEntries(query.map((q) => [q.name as string, q.schema])),
            required: query.filter((q) => q.required).map((q) => q.name),
          }}
        />
      ) : null}
      {e.body ? <SchemaFields caption="JSON body (unknown keys are refused)" schema={inputJsonSchema(e.body)} /> : null}
      {e.rawBody ? (
        <ul className="mt-2 list-disc pl-5 text-sm text-slate-600 dark:text-slate-400">
          {Object.entries(e.rawBody).map(([type, what]) => (
            <li key={type}>
              <code className="font-mono text-xs">{type}</code>: {what}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-3 text-sm">
        <span className="font-medium">Answer:</span> {e.ok.status} — <DocText text={e.ok.description} />
        {e.errors?.length ? (
          <span className="text-slate-600 dark:text-slate-400"> Errors: {e.errors.join(", ")}.</span>
        ) : null}
      </p>
      <pre className="mt-3 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
        <code>{curlExample(e)}</code>
      </pre>
    </article>
  );
}
