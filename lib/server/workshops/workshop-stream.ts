import "server-only";
import { isAppError } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";
import { db } from "@/lib/server/db";
import { getPubSub } from "@/lib/server/realtime/pubsub";
import { trackStream } from "@/lib/server/realtime/matrix-stream";
import { SSE_HEADERS, sseComment, sseEvent, sseRetry } from "@/lib/server/realtime/sse";
import type { ByeEvent, MatrixMessage } from "@/lib/matrix/live";
import { WORKSHOP_EVENTS } from "@/lib/matrix/workshop-dto";
import type { CurrentUser } from "@/lib/server/session";
import { requireWorkshopAccess } from "./workshop-access";
import { workshopChannel } from "./publish-workshop";
import { touchParticipant } from "./touch-participant";

const encoder = new TextEncoder();
const HEARTBEAT_MS = 15_000;

async function accessNow(userId: string, workshopId: string): Promise<"ok" | ByeEvent["reason"]> {
  try {
    await requireWorkshopAccess(userId, workshopId);
    return "ok";
  } catch (err) {
    if (isAppError(err)) return err.code === "NOT_FOUND" ? "gone" : "forbidden";
    logger.warn("workshop stream access check failed", { err, workshopId });
    return "ok";
  }
}

/**
 * GET …/events of a workshop: `hello` with its version, then a `workshop` event (ids and
 * version only) after every change, from any instance (the PostgreSQL pub/sub). A
 * heartbeat re-checks access and keeps a participant listed as here. Modelled on the
 * matrix stream (lib/server/realtime/matrix-stream.ts): subscribe first, then read the
 * version, so nothing falls between; everything is released exactly once however it ends.
 */
export async function openWorkshopEvents(
  user: CurrentUser,
  workshopId: string,
  signal: AbortSignal,
): Promise<Response> {
  await requireWorkshopAccess(user.id, workshopId);
  const pubsub = getPubSub();
  let closed = false;
  let unsubscribe: (() => void) | null = null;
  let untrack: (() => void) | null = null;
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | null = null;

  const write = (chunk: string) => {
    const controller = controllerRef;
    if (closed || !controller) return;
    if ((controller.desiredSize ?? 0) < -64) return close("overflow");
    try {
      controller.enqueue(encoder.encode(chunk));
    } catch {
      close();
    }
  };
  const onAbort = () => close();

  function close(reason?: ByeEvent["reason"]) {
    if (closed) return;
    closed = true;
    if (reason && reason !== "overflow") {
      try {
        controllerRef?.enqueue(encoder.encode(sseEvent(WORKSHOP_EVENTS.bye, { reason } satisfies ByeEvent)));
      } catch {
        // The reader is gone already.
      }
    }
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    unsubscribe?.();
    unsubscribe = null;
    untrack?.();
    untrack = null;
    signal.removeEventListener("abort", onAbort);
    try {
      controllerRef?.close();
    } catch {
      // Already closed.
    }
    controllerRef = null;
  }

  signal.addEventListener("abort", onAbort, { once: true });
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controllerRef = controller;
      if (signal.aborted) return close();
      untrack = trackStream(workshopChannel(workshopId), user.id, close);
      const held: MatrixMessage[] = [];
      let ready = false;
      unsubscribe = pubsub.subscribe(workshopChannel(workshopId), (message) => {
        if (message.type !== "workshop") return;
        if (!ready) held.push(message);
        else write(sseEvent(WORKSHOP_EVENTS.workshop, message));
      });
      try {
        const w = await db.workshop.findUnique({ where: { id: workshopId }, select: { version: true, status: true } });
        if (closed) return;
        write(sseRetry(2_000));
        write(sseEvent(WORKSHOP_EVENTS.hello, { workshopId, version: w?.version ?? 0 }));
        ready = true;
        for (const m of held.splice(0)) write(sseEvent(WORKSHOP_EVENTS.workshop, m));
      } catch (err) {
        logger.error("opening a workshop stream failed", { err, workshopId });
        return close();
      }
      heartbeat = setInterval(() => {
        write(sseComment("ping"));
        accessNow(user.id, workshopId)
          .then((access) => {
            if (access !== "ok") return close(access);
            // Still here: refreshes seenAt of a participant (not of someone who never joined).
            return touchParticipant(workshopId, user);
          })
          .catch((err: unknown) => logger.warn("workshop stream heartbeat failed", { err, workshopId }));
      }, HEARTBEAT_MS);
    },
    cancel() {
      close();
    },
  });
  return new Response(stream, { headers: SSE_HEADERS });
}
