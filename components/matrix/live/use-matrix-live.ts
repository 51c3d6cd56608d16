"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { applyChangesToModel, type ApplyResult } from "@/lib/matrix/apply-changes";
import type { MatrixModel } from "@/lib/matrix/dto";
import {
  LIVE_EVENTS,
  type ByeEvent,
  type ChangeMessage,
  type ChangesFeedDto,
  type HelloEvent,
  type PresenceMessage,
  type PresenceSelection,
  type PresenceUser,
} from "@/lib/matrix/live";
import { mutationKeys, queryKeys } from "@/lib/query/keys";
import { pendingCellsOf } from "@/lib/query/pending-cells";
import { eventsUrl, fetchChanges, isFatalLiveError, postPresence } from "./live-api";
import { LiveSync, backoffDelay } from "./live-sync";
import { PresenceReporter } from "./presence-reporter";

export type LiveStatus = "live" | "connecting" | "offline";

export interface UseMatrixLiveOptions {
  matrixId: string;
  queryClient: QueryClient;
  /** The cache entry holding the MatrixModel (queryKeys.matrix.detail(matrixId)). */
  queryKey: QueryKey;
  currentUserId: string;
  /** The newest change the cache reflects; defaults to the cached model's lastChangeId. */
  getLastChangeId?: () => number;
  /** How a feed of changes patches the model; defaults to applyChangesToModel + our writes in flight. */
  applyChanges?: (model: MatrixModel, feed: ChangesFeedDto) => ApplyResult;
  /** false: no connection (e.g. a print view). */
  enabled?: boolean;
}

export interface MatrixLive {
  status: LiveStatus;
  /** Who is here, in order of arrival; the current user included (once, whatever their tabs). */
  presence: PresenceUser[];
  /** Tell the others which cell this tab has selected (null: none). Cheap to call on every move. */
  reportSelection: (selection: PresenceSelection | null) => void;
}

function parse<T>(event: Event): T | null {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T;
  } catch {
    return null;
  }
}

/** Resolves once none of this matrix's writes is in flight (at most `maxMs`). */
function idleWrites(queryClient: QueryClient, matrixId: string, maxMs = 10_000): Promise<void> {
  const filters = { mutationKey: mutationKeys.matrixWrites(matrixId) };
  if (queryClient.isMutating(filters) === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    const unsubscribe = queryClient.getMutationCache().subscribe(() => {
      if (queryClient.isMutating(filters) === 0) done();
    });
  });
}

/**
 * Keeps this tab's matrix live: an EventSource on /events, every change announced by
 * anyone (other people, our other tabs, our own echo — a no-op by version) caught up
 * through /changes and patched into the query cache, coalesced; reconnection by
 * itself with backoff, catching up on what it missed; presence in and out. Everything
 * is closed on unmount.
 */
export function useMatrixLive(options: UseMatrixLiveOptions): MatrixLive {
  const { matrixId, queryClient, enabled = true } = options;
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [presence, setPresence] = useState<PresenceUser[]>([]);
  const optionsRef = useRef(options);
  const reporterRef = useRef<PresenceReporter | null>(null);
  const pendingSelection = useRef<PresenceSelection | null>(null);

  useEffect(() => {
    optionsRef.current = options;
  });

  useEffect(() => {
    if (!enabled) return;
    let disposed = false;
    let stopped = false;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let attempt = 0;
    let hellos = 0;
    // A workshop of this matrix started or ended (the banner): refetch the matrix's workshops.
    const refreshWorkshops = () =>
      void queryClient.invalidateQueries({ queryKey: queryKeys.matrix.workshops(matrixId) });

    const key = () => optionsRef.current.queryKey;
    const sync = new LiveSync({
      fetchChanges: (after) => fetchChanges(matrixId, after),
      getModel: () => queryClient.getQueryData<MatrixModel>(key()),
      getLastChangeId: () =>
        optionsRef.current.getLastChangeId?.() ?? queryClient.getQueryData<MatrixModel>(key())?.lastChangeId ?? 0,
      setModel: (model) => queryClient.setQueryData<MatrixModel>(key(), model),
      reload: () => queryClient.invalidateQueries({ queryKey: key(), exact: true }),
      applyChanges: (model, feed) => {
        const custom = optionsRef.current.applyChanges;
        if (custom) return custom(model, feed);
        const result = applyChangesToModel(model, feed);
        // Letters of our own writes still in flight stay shown, as on a refetch.
        return result.kind === "patched" && result.model !== model
          ? { kind: "patched", model: pendingCellsOf(matrixId).overlay(result.model) }
          : result;
      },
      waitForIdleWrites: () => idleWrites(queryClient, matrixId),
      isFatal: isFatalLiveError,
    });

    const reporter = new PresenceReporter({ send: (selection) => postPresence(matrixId, selection) });
    reporterRef.current = reporter;
    if (pendingSelection.current) reporter.select(pendingSelection.current);
    reporter.start();

    const retry = (delay = backoffDelay(attempt++)) => {
      if (disposed || stopped || retryTimer) return;
      retryTimer = setTimeout(connect, delay);
    };

    function connect() {
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      if (disposed || stopped) return;
      source?.close();
      const es = new EventSource(eventsUrl(matrixId));
      source = es;
      es.addEventListener(LIVE_EVENTS.hello, (e) => {
        const hello = parse<HelloEvent>(e);
        if (!hello) return;
        attempt = 0;
        setStatus("live");
        setPresence(hello.presence);
        sync.hello(hello.lastChangeId);
        // Back after a gap: a workshop may have started or ended meanwhile.
        if (hellos++ > 0) refreshWorkshops();
        // The server may have restarted and forgotten our selection.
        reporter.flush();
      });
      es.addEventListener(LIVE_EVENTS.change, (e) => {
        const message = parse<ChangeMessage>(e);
        if (message) sync.change(message);
      });
      es.addEventListener(LIVE_EVENTS.workshop, refreshWorkshops);
      es.addEventListener(LIVE_EVENTS.presence, (e) => {
        const message = parse<PresenceMessage>(e);
        if (message) setPresence(message.users);
      });
      es.addEventListener(LIVE_EVENTS.bye, (e) => {
        const bye = parse<ByeEvent>(e);
        es.close();
        if (source !== es) return;
        source = null;
        setStatus("offline");
        if (bye?.reason === "forbidden" || bye?.reason === "gone") {
          stopped = true;
          return;
        }
        // A restart: spread the herd of reconnecting tabs over a few seconds.
        retry(bye?.reason === "shutdown" ? 500 + Math.random() * 2_500 : undefined);
      });
      es.onerror = () => {
        // EventSource would retry by itself, but not after a non-200 answer, and
        // without backoff: take over in every case.
        es.close();
        if (source !== es) return;
        source = null;
        setStatus("offline");
        retry();
      };
    }

    const reconnectNow = () => {
      if (source === null && !stopped) connect();
    };
    // The browser knows before TCP does: say so at once, and reconnect on "online".
    const onOffline = () => {
      if (!source) return;
      source.close();
      source = null;
      setStatus("offline");
      retry();
    };
    const onVisible = () => {
      if (document.visibilityState !== "visible") return;
      reconnectNow();
      reporter.flush();
    };
    window.addEventListener("online", reconnectNow);
    window.addEventListener("offline", onOffline);
    document.addEventListener("visibilitychange", onVisible);
    connect();

    return () => {
      disposed = true;
      window.removeEventListener("online", reconnectNow);
      window.removeEventListener("offline", onOffline);
      document.removeEventListener("visibilitychange", onVisible);
      if (retryTimer) clearTimeout(retryTimer);
      source?.close();
      source = null;
      sync.stop();
      reporter.stop();
      if (reporterRef.current === reporter) reporterRef.current = null;
    };
  }, [matrixId, queryClient, enabled]);

  const reportSelection = useCallback((selection: PresenceSelection | null) => {
    pendingSelection.current = selection;
    reporterRef.current?.select(selection);
  }, []);

  return { status, presence, reportSelection };
}
