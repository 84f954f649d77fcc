/**
 * Start-up's watchdog: every step of connecting is logged, and each way Discord can leave the bot
 * waiting (a long rate limit, an API that never answers, a gateway that never says HELLO) ends in a
 * ConnectError with a clear message instead of a silent hang.
 */
import { SimpleShardingStrategy, type WebSocketManager } from '@discordjs/ws';
import { Events, GatewayDispatchEvents, RESTEvents, RateLimitError, type Client, type RateLimitData } from 'discord.js';
import type { Logger } from '../logger';

/** The longest rate limit start-up waits out: a longer one would look like a hang. */
export const MAX_STARTUP_RATE_LIMIT_MS = 60_000;
/** Connections that may go without HELLO before start-up gives up. */
export const HELLO_ATTEMPTS = 5;

/** Start-up failed for a reason the operator can act on; the message says which. */
export class ConnectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectError';
  }
}

/** The pause after the n-th connection without HELLO: a twentieth of the timeout, doubling (1, 2, 4, 8 s by default). */
export const helloBackoffMs = (timeoutMs: number, failed: number): number => (timeoutMs / 20) * 2 ** (failed - 1);

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

export interface WatchdogOptions {
  /** For messages only: where the API was expected. */
  apiUrl: string;
  /** How long the API may take to give the gateway URL, and each connection to get HELLO. */
  timeoutMs: number;
}

/**
 * Built before the client, whose REST and gateway options it supplies (`restOptions`, `wsOptions`);
 * then `login` logs in through it. After start-up it stays out of the way: discord.js waits out
 * rate limits and reconnects as usual.
 */
export class ConnectionWatchdog {
  private starting = true;
  /** Ends the login with an error; set while `login` runs. */
  private fail: (err: Error) => void = () => {};
  /** Re-arms the API deadline with extra time, when a short rate limit is waited out. */
  private extendApiDeadline: (ms: number) => void = () => {};
  private connections = 0;
  private helloSeen = false;
  private withoutHello = 0;
  /** A connection went without HELLO: the next connect pauses first, or start-up gives up. */
  private helloMissed = false;
  private gatewayUrl: string | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly options: WatchdogOptions,
  ) {}

  /** Refuses a long rate limit during start-up, so login fails with a RateLimitError instead of sleeping an hour. */
  readonly restOptions = {
    rejectOnRateLimit: (data: RateLimitData): boolean => {
      if (!this.starting) return false;
      const ms = Math.max(data.timeToReset, data.retryAfter);
      this.logger.warn({ route: data.route, method: data.method, global: data.global, retryAfterS: Math.round(ms / 1000) }, 'Discord rate-limited a start-up request');
      if (ms > MAX_STARTUP_RATE_LIMIT_MS) return true;
      this.extendApiDeadline(ms);
      return false;
    },
  };

  /**
   * The gateway's own HELLO timeout set to ours; before each reconnect after a silent connection,
   * a growing pause, and after HELLO_ATTEMPTS of them no further connection at all.
   */
  readonly wsOptions = {
    buildStrategy: (manager: WebSocketManager) => {
      manager.options.helloTimeout = this.options.timeoutMs;
      const retrieveSessionInfo = manager.options.retrieveSessionInfo;
      manager.options.retrieveSessionInfo = async (shardId) => {
        if (this.helloMissed) await this.afterSilentConnection();
        return retrieveSessionInfo(shardId);
      };
      return new SimpleShardingStrategy(manager);
    },
  };

  private async afterSilentConnection(): Promise<void> {
    this.helloMissed = false;
    if (this.withoutHello >= HELLO_ATTEMPTS) {
      const { timeoutMs } = this.options;
      this.fail(new ConnectError(`The Discord gateway at ${this.gatewayUrl ?? 'the URL Discord gave'} never said HELLO: ${HELLO_ATTEMPTS} connections each waited ${seconds(timeoutMs)}.`));
      // No sixth connection: this shard waits here until the client is destroyed, and then forever.
      await new Promise(() => {});
    }
    const pause = helloBackoffMs(this.options.timeoutMs, this.withoutHello);
    this.logger.info({ attempt: this.withoutHello + 1, inMs: pause }, 'connecting again after a pause');
    await new Promise((resolve) => setTimeout(resolve, pause));
  }

  private apiSilent(): ConnectError {
    return new ConnectError(`Discord's API at ${this.options.apiUrl} did not answer GET /gateway/bot within ${seconds(this.options.timeoutMs)}.`);
  }

  /**
   * Logs in, logging each step at info. Rejects with a ConnectError when the API does not answer in
   * time, rate-limits for too long or the gateway never says HELLO, and with login's own error
   * otherwise (a bad token, close code 4004…). The caller destroys the client if it rejects.
   */
  login(client: Client, token: string): Promise<void> {
    const { logger } = this;
    const { timeoutMs } = this.options;
    return new Promise<void>((resolve, reject) => {
      let deadline: NodeJS.Timeout | undefined;
      let settled = false;
      const finish = (err?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        client.rest.off(RESTEvents.Response, onResponse);
        client.off(Events.Debug, onDebug);
        client.ws.off(GatewayDispatchEvents.Ready, onReady);
        this.starting = false;
        if (err) reject(err);
        else resolve();
      };
      this.fail = finish;
      this.extendApiDeadline = (ms) => armApiDeadline(timeoutMs + ms);
      const armApiDeadline = (ms: number) => {
        clearTimeout(deadline);
        deadline = setTimeout(() => finish(this.apiSilent()), ms);
      };

      const onResponse = (request: { method: string; path: string }, response: { status: number }) => {
        logger.info({ request: `${request.method.toUpperCase()} ${request.path}`, status: response.status }, 'Discord API reached');
      };
      const onDebug = (message: string) => {
        const fetched = /Fetched Gateway Information\n\s*URL: (\S+)/.exec(message);
        const connecting = /\] Connecting to (\S+)/.exec(message);
        if (fetched) {
          this.gatewayUrl = fetched[1];
          clearTimeout(deadline);
          this.extendApiDeadline = () => {};
          // Only start-up's first request is worth a line: a listener makes discord.js clone every response.
          client.rest.off(RESTEvents.Response, onResponse);
          logger.info({ url: this.gatewayUrl }, 'gateway URL obtained');
        } else if (connecting) {
          this.connections++;
          this.helloSeen = false;
          logger.info({ attempt: this.connections, url: connecting[1] }, 'connecting to the gateway');
        } else if (message.includes('Preparing first heartbeat')) {
          this.helloSeen = true;
          logger.info({ attempt: this.connections }, 'gateway said HELLO');
        } else if (message.includes('Destroying shard') && !this.helloSeen && !this.helloMissed && this.connections > this.withoutHello) {
          this.withoutHello++;
          this.helloMissed = true;
          logger.warn({ attempt: this.connections, of: HELLO_ATTEMPTS, timeoutMs }, 'the gateway sent no HELLO; closing this connection');
        }
      };
      const onReady = () => logger.info({ attempt: this.connections }, 'gateway said READY');

      client.rest.on(RESTEvents.Response, onResponse);
      client.on(Events.Debug, onDebug);
      client.ws.once(GatewayDispatchEvents.Ready, onReady);
      armApiDeadline(timeoutMs);
      client.login(token).then(
        () => finish(),
        (err: unknown) => finish(this.explain(err)),
      );
    });
  }

  /** Login's own errors, with the ones that say nothing useful (a rate limit, an abort) put plainly. */
  private explain(err: unknown): Error {
    if (err instanceof RateLimitError) {
      const ms = Math.max(err.timeToReset, err.retryAfter);
      return new ConnectError(
        `Discord rate-limited start-up for ${Math.round(ms / 1000)} s${err.global ? ' (a global limit)' : ''} on ${err.method.toUpperCase()} ${err.route}, longer than the ${MAX_STARTUP_RATE_LIMIT_MS / 1000} s Marginalia waits; start it again once the limit has passed.`,
      );
    }
    if (err instanceof Error && err.name === 'AbortError') return this.apiSilent();
    return err instanceof Error ? err : new Error(String(err));
  }
}
