/**
 * The text/event-stream wire format (HTML Living Standard, "Server-sent events"): pure
 * string builders. Data is one line of JSON (JSON.stringify never emits a raw newline),
 * so an event is always exactly `event:`, `data:` and a blank line.
 */

/** An event with a name and a JSON payload. */
export function sseEvent(event: string, data: unknown): string {
  if (/[\r\n]/.test(event)) throw new Error("an SSE event name cannot contain a newline");
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment line: ignored by EventSource, keeps proxies and NATs from closing the connection. */
export function sseComment(text = ""): string {
  return `: ${text.replace(/[\r\n]+/g, " ")}\n\n`;
}

/** Tells EventSource how long to wait before reconnecting by itself. */
export function sseRetry(ms: number): string {
  return `retry: ${Math.max(0, Math.round(ms))}\n\n`;
}

/** The response headers of an event stream: never cached, never compressed or buffered on the way. */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
};
