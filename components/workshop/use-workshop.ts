"use client";
import { useEffect, useRef, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query/keys";
import { WORKSHOP_EVENTS, type WorkshopStateDto } from "@/lib/matrix/workshop-dto";
import { workshopApi, workshopEventsUrl } from "./workshop-api";

export type WorkshopLiveStatus = "live" | "connecting" | "offline";

/** How often the state is refetched anyway (who left, a message lost on the way). */
const SAFETY_REFETCH_MS = 20_000;

/**
 * A workshop's state, kept live: an EventSource on …/events says "version N" after
 * every change (from any instance); when N is newer than what the cache holds, the
 * state is refetched. Reconnects by itself with backoff; refetches on reconnect, on
 * focus and every 20 s as a safety net. An answer older than the cached one is ignored
 * (two refetches racing).
 */
export function useWorkshop(workshopId: string, initial?: WorkshopStateDto) {
  const queryClient = useQueryClient();
  const key = queryKeys.workshop.detail(workshopId);
  const query = useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => {
      const { workshop } = await workshopApi.get(workshopId, signal);
      const cached = queryClient.getQueryData<WorkshopStateDto>(key);
      return cached && cached.version > workshop.version ? cached : workshop;
    },
    initialData: initial,
    staleTime: 0,
    refetchInterval: SAFETY_REFETCH_MS,
    refetchOnWindowFocus: true,
  });
  const [status, setStatus] = useState<WorkshopLiveStatus>("connecting");
  const versionRef = useRef(query.data?.version ?? 0);
  // The newest version announced by the stream. With 30 laptops voting, announcements
  // come in bursts: a refetch in flight is not cancelled (cancelRefetch: false), and when
  // it lands behind the newest announcement one more refetch follows. So a burst costs
  // each screen a couple of requests, not one per vote, and never ends stale.
  const announcedRef = useRef(0);
  const { refetch } = query;
  useEffect(() => {
    versionRef.current = query.data?.version ?? 0;
    if (announcedRef.current > versionRef.current) void refetch({ cancelRefetch: false });
  }, [query.data?.version, refetch]);

  useEffect(() => {
    let disposed = false;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let attempt = 0;
    let stopped = false;
    const refetch = () =>
      void queryClient.invalidateQueries(
        { queryKey: queryKeys.workshop.detail(workshopId), exact: true },
        { cancelRefetch: false },
      );
    const onVersion = (e: Event) => {
      try {
        const { version } = JSON.parse((e as MessageEvent<string>).data) as { version: number };
        announcedRef.current = Math.max(announcedRef.current, version);
        if (version > versionRef.current) refetch();
      } catch {
        refetch();
      }
    };
    function connect() {
      timer = null;
      if (disposed || stopped) return;
      const es = new EventSource(workshopEventsUrl(workshopId));
      source = es;
      es.addEventListener(WORKSHOP_EVENTS.hello, (e) => {
        attempt = 0;
        setStatus("live");
        onVersion(e);
      });
      es.addEventListener(WORKSHOP_EVENTS.workshop, onVersion);
      es.addEventListener(WORKSHOP_EVENTS.bye, (e) => {
        es.close();
        source = null;
        setStatus("offline");
        const reason = (() => {
          try {
            return (JSON.parse((e as MessageEvent<string>).data) as { reason?: string }).reason;
          } catch {
            return undefined;
          }
        })();
        if (reason === "forbidden" || reason === "gone") stopped = true;
        else retry(reason === "shutdown" ? 500 + Math.random() * 2_500 : undefined);
      });
      es.onerror = () => {
        es.close();
        if (source !== es) return;
        source = null;
        setStatus("offline");
        retry();
      };
    }
    function retry(delay = Math.min(10_000, 500 * 2 ** attempt++) * (0.8 + Math.random() * 0.4)) {
      if (disposed || stopped || timer) return;
      timer = setTimeout(connect, delay);
    }
    connect();
    return () => {
      disposed = true;
      if (timer) clearTimeout(timer);
      source?.close();
    };
  }, [workshopId, queryClient]);

  return { workshop: query.data, status, error: query.error, refetch: query.refetch };
}
