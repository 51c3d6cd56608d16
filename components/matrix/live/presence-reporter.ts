/**
 * Sends this tab's presence: the selected cell when it changes (throttled: arrow keys
 * held down send a few updates per second, the last one always), and a heartbeat that
 * keeps us listed. Framework-free, timers injected by the runtime.
 */
import { PRESENCE_HEARTBEAT_MS, type PresenceSelection } from "@/lib/matrix/live";

export interface PresenceReporterOptions {
  send: (selection: PresenceSelection | null) => Promise<void>;
  throttleMs?: number;
  heartbeatMs?: number;
  now?: () => number;
}

function same(a: PresenceSelection | null, b: PresenceSelection | null): boolean {
  if (a === null || b === null) return a === b;
  return a.rowId === b.rowId && a.personId === b.personId;
}

export class PresenceReporter {
  private selection: PresenceSelection | null = null;
  private sent: PresenceSelection | null | undefined = undefined;
  private lastSentAt = -Infinity;
  private trailing: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private stopped = false;

  constructor(private readonly opts: PresenceReporterOptions) {}

  start(): void {
    if (this.heartbeat || this.stopped) return;
    this.heartbeat = setInterval(() => this.flush(), this.opts.heartbeatMs ?? PRESENCE_HEARTBEAT_MS);
  }

  /** The selected cell changed (null: none). */
  select(selection: PresenceSelection | null): void {
    this.selection = selection ? { rowId: selection.rowId, personId: selection.personId } : null;
    if (this.stopped || (this.sent !== undefined && same(this.sent, this.selection))) return;
    const wait = this.lastSentAt + (this.opts.throttleMs ?? 200) - this.now();
    if (wait <= 0) this.flush();
    else this.trailing ??= setTimeout(() => this.flush(), wait);
  }

  /** Sends the current selection now (heartbeat, reconnection, tab shown again). */
  flush(): void {
    if (this.trailing) clearTimeout(this.trailing);
    this.trailing = null;
    if (this.stopped) return;
    this.sent = this.selection;
    this.lastSentAt = this.now();
    // Presence is best effort: the next heartbeat repairs a lost one.
    this.opts.send(this.selection).catch(() => {});
  }

  stop(): void {
    this.stopped = true;
    if (this.trailing) clearTimeout(this.trailing);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.trailing = null;
    this.heartbeat = null;
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }
}
