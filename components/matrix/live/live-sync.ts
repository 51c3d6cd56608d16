/**
 * Keeps a cached matrix in step with the server's change log, whatever the stream
 * says and however fast: events only mark the cache "behind", and one loop at a time
 * catches up (GET …/changes after the last change we hold, then a patch or a reload).
 * A burst of 50 events therefore costs one or two requests, and a late or repeated event
 * costs nothing. Framework-free so that it is tested without React or a browser.
 */
import type { ApplyResult } from "@/lib/matrix/apply-changes";
import type { MatrixModel } from "@/lib/matrix/dto";
import type { ChangeMessage, ChangesFeedDto } from "@/lib/matrix/live";

export interface LiveSyncDeps {
  fetchChanges: (after: number) => Promise<ChangesFeedDto>;
  getModel: () => MatrixModel | undefined;
  /** The newest change id the cache reflects; defaults to the cached model's `lastChangeId`. */
  getLastChangeId?: () => number;
  setModel: (model: MatrixModel) => void;
  /** Fetches the whole matrix into the cache. */
  reload: () => Promise<void>;
  applyChanges: (model: MatrixModel, feed: ChangesFeedDto) => ApplyResult;
  /** Resolves when none of our own writes is in flight (a reload would flash their optimistic state away). */
  waitForIdleWrites?: () => Promise<void>;
  /** Coalescing window before the first request of a burst. */
  delayMs?: number;
  /** The delay before retrying after a failed catch-up. */
  retryDelay?: (attempt: number) => number;
  /** A failure that retrying will not fix (401/403/404): the loop stops. */
  isFatal?: (error: unknown) => boolean;
}

/** Exponential backoff with ±20 % jitter, 1 s to 30 s. Pure (random injected). */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  baseMs = 1_000,
  maxMs = 30_000,
): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

export class LiveSync {
  private cursorId = 0;
  private dirty = false;
  private needsReload = false;
  private running = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private stopped = false;

  constructor(private readonly deps: LiveSyncDeps) {}

  /** The newest change the cache reflects. */
  cursor(): number {
    return Math.max(this.cursorId, this.deps.getLastChangeId?.() ?? this.deps.getModel()?.lastChangeId ?? 0);
  }

  /** The stream (re)opened: catch up if the server is ahead of us. */
  hello(lastChangeId: number): void {
    if (lastChangeId > this.cursor()) this.schedule();
  }

  /** A change was announced. */
  change(message: Pick<ChangeMessage, "changeId" | "entities">): void {
    // Person edits are not in the change log (the id is not news): reload for them.
    if (message.entities.includes("person")) {
      this.needsReload = true;
      this.schedule();
      return;
    }
    if (message.changeId > this.cursor()) this.schedule();
  }

  /** True while a catch-up is queued or running (tests, diagnostics). */
  isBusy(): boolean {
    return this.running || this.timer !== null;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delay = this.deps.delayMs ?? 25): void {
    this.dirty = true;
    if (this.stopped || this.running || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delay);
  }

  private async run(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    try {
      while (this.dirty && !this.stopped) {
        this.dirty = false;
        await this.syncOnce();
      }
      this.failures = 0;
    } catch (error) {
      if (this.deps.isFatal?.(error)) {
        this.stop();
        return;
      }
      this.failures += 1;
      this.running = false;
      this.schedule((this.deps.retryDelay ?? backoffDelay)(this.failures - 1));
      return;
    } finally {
      this.running = false;
    }
  }

  private async syncOnce(): Promise<void> {
    if (this.needsReload || !this.deps.getModel()) {
      await this.reloadNow();
      return;
    }
    const feed = await this.deps.fetchChanges(this.cursor());
    if (this.stopped) return;
    // Read the cache again: our own writes may have patched it while we waited.
    const model = this.deps.getModel();
    if (!model) return this.reloadNow();
    const result = this.deps.applyChanges(model, feed);
    if (result.kind === "reload") return this.reloadNow();
    this.cursorId = Math.max(this.cursorId, feed.lastChangeId);
    if (result.model !== model) this.deps.setModel(result.model);
  }

  private async reloadNow(): Promise<void> {
    this.needsReload = false;
    await this.deps.waitForIdleWrites?.();
    if (this.stopped) return;
    try {
      await this.deps.reload();
    } catch (error) {
      this.needsReload = true;
      throw error;
    }
    // A reloaded model carries the server's newest change id; the cursor follows it.
    this.cursorId = Math.max(this.cursorId, this.deps.getModel()?.lastChangeId ?? 0);
  }
}
