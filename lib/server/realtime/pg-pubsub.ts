import "server-only";
import pg from "pg";
import { logger } from "@/lib/server/logger";
import { ListenerRegistry, frozenCopy, type Listener } from "@/lib/server/realtime/listener-registry";
import type { MatrixMessage } from "@/lib/matrix/live";
import type { PubSub } from "@/lib/server/realtime/pubsub";
import {
  PG_NOTIFY_CHANNEL,
  decodeWire,
  encodeWire,
  reconnectDelay,
  type WireMessage,
} from "@/lib/server/realtime/pg-wire";

export interface PgPubSubOptions {
  /** The database to LISTEN on: one dedicated connection, never one from the Prisma pool. */
  connectionString: string;
  /** The NOTIFY channel (an identifier); tests use their own. */
  notifyChannel?: string;
  /**
   * Sends a payload (`SELECT pg_notify(channel, payload)`). Defaults to the listening
   * connection; the app passes its Prisma pool so that publishing does not depend on
   * the listener being connected at that moment.
   */
  notify?: (notifyChannel: string, payload: string) => Promise<void>;
  /** Turns what came over the wire into what local listeners get (presence: reads the list). */
  expand?: (channel: string, message: WireMessage) => Promise<MatrixMessage | null>;
  /**
   * After the listening connection is (re)established: what listeners of `channel`
   * should hear to catch up on what NOTIFY did not deliver meanwhile (it never replays).
   */
  resync?: (channel: string) => Promise<MatrixMessage[]>;
  /** Reconnect backoff (tests shorten it). */
  retryDelay?: (attempt: number) => number;
}

function defaultExpand(_channel: string, message: WireMessage): Promise<MatrixMessage | null> {
  return Promise.resolve(message.type === "presence" ? { type: "presence", users: [] } : message);
}

/**
 * Publish/subscribe across instances on PostgreSQL LISTEN/NOTIFY. One dedicated
 * connection per process LISTENs on one channel; the bus channel (`matrix:<id>`) and ids
 * travel in the payload (see pg-wire.ts), and each notification is dispatched to this
 * process's listeners of that bus channel. Publishing goes through NOTIFY too, so a
 * process hears its own messages the same way as everybody else's (one path).
 *
 * When the connection drops it reconnects with backoff; once LISTEN is back, every
 * channel with listeners gets `resync` messages (the newest change id, the presence
 * list), so open browsers catch up from the change log on what was missed.
 */
export class PgPubSub implements PubSub {
  private readonly listeners = new ListenerRegistry();
  private readonly notifyChannel: string;
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private started = false;
  private closed = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Times LISTEN was (re)established (diagnostics, tests). */
  connections = 0;
  /** The listening connection's server process id (tests terminate it to simulate a drop). */
  backendPid: number | null = null;

  constructor(private readonly opts: PgPubSubOptions) {
    this.notifyChannel = opts.notifyChannel ?? PG_NOTIFY_CHANNEL;
    if (!/^[a-z_][a-z0-9_]*$/.test(this.notifyChannel)) throw new Error("notifyChannel must be a plain identifier");
  }

  async publish(channel: string, message: MatrixMessage): Promise<void> {
    if (this.closed) return;
    this.start();
    const payload = encodeWire(channel, message);
    if (payload === null) {
      logger.warn("pubsub message too large for NOTIFY; dropped", { channel, type: message.type });
      return;
    }
    if (this.opts.notify) return this.opts.notify(this.notifyChannel, payload);
    if (!this.client) await this.connecting;
    const client = this.client;
    if (!client) throw new Error("pubsub: not connected to PostgreSQL");
    await client.query("SELECT pg_notify($1, $2)", [this.notifyChannel, payload]);
  }

  subscribe(channel: string, listener: Listener): () => void {
    if (this.closed) return () => {};
    this.start();
    return this.listeners.add(channel, listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  /** Resolves once LISTEN is active (tests; the app never waits for it). */
  async ready(): Promise<void> {
    this.start();
    while (!this.closed && !this.client) {
      await (this.connecting ?? new Promise((r) => setTimeout(r, 20)));
    }
  }

  isConnected(): boolean {
    return this.client !== null;
  }

  listenerCount(channel?: string): number {
    return this.listeners.count(channel);
  }

  private start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    this.connecting = this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.opts.connectionString,
      keepAlive: true,
      application_name: "remit-pubsub",
    });
    let dropped = false;
    const onDrop = (err?: unknown) => {
      if (dropped) return;
      dropped = true;
      if (this.client === client) this.client = null;
      if (this.closed) return;
      logger.warn("pubsub connection lost; reconnecting", { err });
      void client.end().catch(() => {});
      this.scheduleReconnect();
    };
    client.on("error", onDrop);
    client.on("end", () => onDrop());
    client.on("notification", (n) => {
      if (n.channel === this.notifyChannel) this.onPayload(n.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.notifyChannel}`);
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      this.backendPid = rows[0]?.pid ?? null;
    } catch (err) {
      if (!dropped) {
        dropped = true;
        void client.end().catch(() => {});
        if (!this.closed) {
          logger.warn("pubsub could not connect; retrying", { err, attempt: this.attempt });
          this.scheduleReconnect();
        }
      }
      return;
    }
    if (this.closed || dropped) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.attempt = 0;
    this.connections += 1;
    this.connecting = null;
    if (this.connections > 1) logger.info("pubsub reconnected", { connections: this.connections });
    this.resyncAll();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.timer) return;
    const delay = (this.opts.retryDelay ?? reconnectDelay)(this.attempt++);
    let wake!: () => void;
    this.connecting = new Promise<void>((resolve) => (wake = resolve));
    this.timer = setTimeout(() => {
      this.timer = null;
      const next = this.connect();
      this.connecting = next;
      void next.then(wake, wake);
    }, delay);
    this.timer.unref?.();
  }

  /** Every channel with listeners hears what brings it up to date (NOTIFY does not replay). */
  private resyncAll(): void {
    const resync = this.opts.resync;
    if (!resync) return;
    for (const channel of this.listeners.channelNames()) {
      resync(channel).then(
        (messages) => messages.forEach((m) => this.deliver(channel, m)),
        (err: unknown) => logger.warn("pubsub resync failed", { err, channel }),
      );
    }
  }

  private onPayload(payload: string | undefined): void {
    const envelope = decodeWire(payload);
    if (!envelope) {
      logger.warn("pubsub ignored a malformed payload", { bytes: payload?.length ?? 0 });
      return;
    }
    if (!this.listeners.has(envelope.c)) return;
    (this.opts.expand ?? defaultExpand)(envelope.c, envelope.m).then(
      (message) => {
        if (message) this.deliver(envelope.c, message);
      },
      (err: unknown) => logger.warn("pubsub could not expand a message", { err, channel: envelope.c }),
    );
  }

  private deliver(channel: string, message: MatrixMessage): void {
    if (this.listeners.has(channel)) this.listeners.deliver(channel, frozenCopy(message));
  }
}
