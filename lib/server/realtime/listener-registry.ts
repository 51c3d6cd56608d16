import "server-only";
import { logger } from "@/lib/server/logger";
import { deepFreeze } from "@/lib/raci/deep-freeze";
import type { MatrixMessage } from "@/lib/matrix/live";

export type Listener = (message: MatrixMessage) => void;

/** A frozen deep copy, as a message would come off a wire: listeners can never see (or change) the publisher's object. */
export function frozenCopy(message: MatrixMessage): MatrixMessage {
  return deepFreeze(JSON.parse(JSON.stringify(message)) as MatrixMessage);
}

/**
 * The listeners of one process, by channel, shared by every PubSub implementation. A
 * Map of Sets rather than an EventEmitter: no max-listener warnings with 30 streams on a
 * matrix, a listener that throws cannot stop the others, and a channel's entry goes
 * away with its last listener.
 */
export class ListenerRegistry {
  private readonly channels = new Map<string, Set<Listener>>();

  /** Adds a listener; returns its (idempotent) removal. Each call is its own entry, even for the same function. */
  add(channel: string, listener: Listener): () => void {
    const entry: Listener = (message) => listener(message);
    let set = this.channels.get(channel);
    if (!set) {
      set = new Set();
      this.channels.set(channel, set);
    }
    set.add(entry);
    return () => {
      const current = this.channels.get(channel);
      if (!current) return;
      current.delete(entry);
      if (current.size === 0) this.channels.delete(channel);
    };
  }

  has(channel: string): boolean {
    return (this.channels.get(channel)?.size ?? 0) > 0;
  }

  channelNames(): string[] {
    return [...this.channels.keys()];
  }

  /** Listeners on one channel, or on all. */
  count(channel?: string): number {
    if (channel !== undefined) return this.channels.get(channel)?.size ?? 0;
    let n = 0;
    for (const set of this.channels.values()) n += set.size;
    return n;
  }

  clear(): void {
    this.channels.clear();
  }

  /**
   * Delivers an (already copied) message to a snapshot of the channel's listeners: one
   * may unsubscribe itself or others meanwhile; a listener that throws is logged.
   */
  deliver(channel: string, message: MatrixMessage): void {
    const listeners = this.channels.get(channel);
    if (!listeners?.size) return;
    for (const listener of [...listeners]) {
      if (!listeners.has(listener)) continue;
      try {
        listener(message);
      } catch (err) {
        logger.error("pubsub listener failed", { err, channel });
      }
    }
  }
}
