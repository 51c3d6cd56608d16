/**
 * The wire format of the PostgreSQL publish/subscribe layer, pure so that it is unit
 * tested: one NOTIFY channel for the whole app, the bus channel (`matrix:<id>`) in the
 * payload, and ids only. A presence message travels without its list of users: each
 * instance reads the list from the Presence table when it hears one.
 */
import type { ChangeEntity, MatrixMessage } from "@/lib/matrix/live";

/** The NOTIFY channel (an identifier: one fixed name, the matrix goes in the payload). */
export const PG_NOTIFY_CHANNEL = "remit_events";

/** PostgreSQL refuses payloads of 8000 bytes or more; stay clear of the limit. */
export const MAX_PAYLOAD_BYTES = 7_900;

/** What crosses the wire: a change as is, presence as "it changed". */
export type WireMessage =
  | { type: "change"; changeId: number; actorId: string | null; entities: ChangeEntity[] }
  | { type: "presence" }
  | { type: "workshop"; workshopId: string; version: number };

export interface WireEnvelope {
  /** The bus channel, e.g. `matrix:<id>`. */
  c: string;
  m: WireMessage;
}

const ENTITIES: ReadonlySet<string> = new Set<ChangeEntity>(["cell", "row", "column", "matrix", "settings", "person"]);

function toWire(message: MatrixMessage): WireMessage {
  if (message.type === "presence") return { type: "presence" };
  if (message.type === "workshop")
    return { type: "workshop", workshopId: message.workshopId, version: message.version };
  return {
    type: "change",
    changeId: message.changeId,
    actorId: message.actorId,
    entities: [...new Set(message.entities)],
  };
}

/**
 * The NOTIFY payload, or null when it would not fit (a change with absurdly many
 * entity kinds cannot happen; a huge channel name is a bug): the caller logs and drops
 * it, and clients catch up at their next reconnect or focus.
 */
export function encodeWire(channel: string, message: MatrixMessage): string | null {
  let payload = JSON.stringify({ c: channel, m: toWire(message) } satisfies WireEnvelope);
  if (Buffer.byteLength(payload, "utf8") <= MAX_PAYLOAD_BYTES) return payload;
  if (message.type === "change") {
    // Trim to "something changed in the matrix": clients reload, which is always right.
    payload = JSON.stringify({
      c: channel,
      m: { type: "change", changeId: message.changeId, actorId: null, entities: ["matrix"] },
    } satisfies WireEnvelope);
    if (Buffer.byteLength(payload, "utf8") <= MAX_PAYLOAD_BYTES) return payload;
  }
  return null;
}

/** Parses a payload; anything malformed (another app on the channel, an old version) is null. */
export function decodeWire(payload: string | undefined): WireEnvelope | null {
  if (!payload) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== "object") return null;
  const { c, m } = raw as { c?: unknown; m?: unknown };
  if (typeof c !== "string" || !c || !m || typeof m !== "object") return null;
  const msg = m as Record<string, unknown>;
  if (msg.type === "presence") return { c, m: { type: "presence" } };
  if (msg.type === "workshop") {
    const { workshopId, version } = msg;
    if (typeof workshopId !== "string" || !workshopId || typeof version !== "number" || !Number.isInteger(version))
      return null;
    return { c, m: { type: "workshop", workshopId, version } };
  }
  if (msg.type !== "change") return null;
  const { changeId, actorId, entities } = msg;
  if (typeof changeId !== "number" || !Number.isInteger(changeId)) return null;
  if (actorId !== null && typeof actorId !== "string") return null;
  if (!Array.isArray(entities) || !entities.every((e) => typeof e === "string" && ENTITIES.has(e))) return null;
  return { c, m: { type: "change", changeId, actorId, entities: entities as ChangeEntity[] } };
}

/** Reconnect delay: 250 ms doubling to 10 s, ±20 % jitter. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const raw = Math.min(10_000, 250 * 2 ** Math.max(0, attempt));
  return Math.round(raw * (0.8 + 0.4 * random()));
}
