"use client";
import { useSyncExternalStore } from "react";

const noSubscribe = () => () => {};

/** The join code in projector size, and the link people can type or follow. */
export function JoinCodeCard({ code }: { code: string }) {
  // The address people type: known in the browser only (empty during server rendering).
  const origin = useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => "",
  );
  const host = origin.replace(/^https?:\/\//, "");
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-2 dark:border-slate-700 dark:bg-slate-900">
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Join at{" "}
        <span className="font-medium text-slate-900 dark:text-slate-100">{host ? `${host}/join` : "/join"}</span> with
        the code
      </p>
      <p className="font-mono text-3xl font-bold tracking-[0.2em]">
        <span className="sr-only">Join code: </span>
        <span data-testid="join-code">{code}</span>
      </p>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        or open{" "}
        <a className="font-medium text-accent-700 underline dark:text-accent-100" href={`/w/${code}`}>
          {host ? `${host}/w/${code}` : `/w/${code}`}
        </a>
      </p>
    </div>
  );
}
