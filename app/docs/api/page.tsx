import type { Metadata } from "next";
import Link from "next/link";
import { ENDPOINTS } from "@/lib/api-docs/endpoints";
import { anchorOf, EndpointCard } from "@/components/api-docs/endpoint-card";

export const metadata: Metadata = { title: "API reference" };

/** Public, server-rendered reference of /api/v1, from the same list as /api/v1/openapi.json. */
export default function ApiDocsPage() {
  const tags = [...new Set(ENDPOINTS.map((e) => e.tag))];
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 lg:grid lg:grid-cols-[14rem_1fr] lg:gap-10">
      <nav aria-label="Endpoints" className="hidden lg:block">
        <div className="sticky top-6 space-y-4 text-sm">
          <Link href="/" className="font-semibold">
            Remit
          </Link>
          {tags.map((tag) => (
            <div key={tag}>
              <p className="font-medium">
                <a href={`#${tag.toLowerCase().replace(/\W+/g, "-")}`} className="hover:underline">
                  {tag}
                </a>
              </p>
              <ul className="mt-1 space-y-0.5">
                {ENDPOINTS.filter((e) => e.tag === tag).map((e) => (
                  <li key={anchorOf(e)}>
                    <a href={`#${anchorOf(e)}`} className="text-slate-600 hover:underline dark:text-slate-400">
                      {e.method} {e.summary}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </nav>
      <main id="main" className="min-w-0 space-y-10">
        <header className="space-y-3">
          <h1 className="text-3xl font-semibold tracking-tight">Remit API reference</h1>
          <p className="text-slate-700 dark:text-slate-300">
            JSON over HTTPS under <code className="font-mono">/api/v1</code>. The machine-readable description is{" "}
            <a href="/api/v1/openapi.json" className="text-accent-700 underline dark:text-accent-100">
              /api/v1/openapi.json
            </a>{" "}
            (OpenAPI 3.1).
          </p>
          <section aria-labelledby="auth" className="space-y-2 text-sm text-slate-700 dark:text-slate-300">
            <h2 id="auth" className="text-lg font-semibold text-slate-900 dark:text-slate-100">
              Authentication
            </h2>
            <p>
              Create a personal access token under{" "}
              <Link href="/account/tokens" className="underline">
                Account → API tokens
              </Link>{" "}
              and send it as <code className="font-mono">Authorization: Bearer remit_pat_…</code>. It acts as you, with
              your role in each team; revoke it there at any time. Tokens work on{" "}
              <code className="font-mono">/api/v1</code> only. An unknown, revoked or expired token is a 401.
            </p>
            <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
              <code>{`export REMIT_URL=https://remit.example.com
export REMIT_TOKEN=remit_pat_…
curl "$REMIT_URL/api/v1/teams" -H "Authorization: Bearer $REMIT_TOKEN"`}</code>
            </pre>
          </section>
          <section aria-labelledby="errors" className="space-y-2 text-sm text-slate-700 dark:text-slate-300">
            <h2 id="errors" className="text-lg font-semibold text-slate-900 dark:text-slate-100">
              Errors and versions
            </h2>
            <p>
              Errors are{" "}
              <code className="font-mono">{`{ "error": { "code", "message", "fields"?, "details"? } }`}</code>: 400{" "}
              <code>INVALID_INPUT</code> (unknown keys too), 401 <code>UNAUTHENTICATED</code>, 403{" "}
              <code>FORBIDDEN</code> (your role does not allow it), 404 <code>NOT_FOUND</code> (also another team&apos;s
              resource), 409 <code>CONFLICT</code> (a stale <code>version</code>), 413 <code>TOO_LARGE</code>, 500{" "}
              <code>INTERNAL</code>. Every editable record carries <code>version</code>; send the one your change is
              based on.
            </p>
          </section>
        </header>
        {tags.map((tag) => (
          <section key={tag} aria-labelledby={tag.toLowerCase().replace(/\W+/g, "-")} className="space-y-4">
            <h2 id={tag.toLowerCase().replace(/\W+/g, "-")} className="text-xl font-semibold">
              {tag}
            </h2>
            {ENDPOINTS.filter((e) => e.tag === tag).map((e) => (
              <EndpointCard key={anchorOf(e)} endpoint={e} />
            ))}
          </section>
        ))}
      </main>
    </div>
  );
}
