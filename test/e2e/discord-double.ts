/**
 * A local stand-in for Discord: the REST API under /api/v10 and a JSON gateway, on 127.0.0.1 at a
 * random port. Just enough of both for the real discord.js client to log in, receive interactions
 * and answer them, with every request recorded so tests can assert what the bot actually sent.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { ApplicationCommandOptionType, ComponentType, GatewayOpcodes, InteractionType, SnowflakeUtil } from 'discord.js';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedRequest {
  method: string;
  /** Without the /api/v10 prefix and decoded, e.g. `/webhooks/1/abc/messages/@original`. */
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  /** Parsed JSON, or undefined when there was no JSON body. */
  body: unknown;
  /** What the double answered; 0 when it never answered. */
  status: number;
}

/** One interaction callback the double accepted (204): the bot's answer to that interaction. */
export interface RecordedCallback {
  interactionId: string;
  token: string;
  body: { type: number; data?: Record<string, unknown> };
  query: Record<string, string>;
}

/** A frame the client sent on the gateway. */
export interface GatewayFrame {
  op: number;
  d: unknown;
  /** Which connection (0-based) it arrived on: a resume is a new connection. */
  connection: number;
}

export interface InjectedFailure {
  method?: string;
  path: RegExp;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface DoubleOptions {
  token: string;
  applicationId?: string;
  guildId?: string;
  /** Discord checks the token on REST too; turning that off lets a test reach the gateway's own check (4004). */
  checkRestToken?: boolean;
  heartbeatInterval?: number;
  /** false: the gateway accepts connections and then says nothing, not even HELLO. */
  hello?: boolean;
  /** false: REST requests are recorded (status 0) and never answered, as from an API that hangs. */
  answerRest?: boolean;
}

type OptionValue = string | number | boolean;

/** Option values by name; the Discord option type follows from the JS type (number means integer). */
export type OptionValues = Record<string, OptionValue>;

export type InteractionPayload = Record<string, unknown> & { id: string; token: string; type: number };

/** Every permission a default guild grants: what the member and the bot have unless a test says otherwise. */
export const ALL_PERMISSIONS = '2248473465835073';

export interface InteractionOptions {
  /** The bot's permissions in the channel (app_permissions), as a decimal bit set. */
  appPermissions?: string;
  /** The member's permissions (member.permissions), as a decimal bit set. */
  memberPermissions?: string;
}

const API_PREFIX = '/api/v10';
const CALLBACK = /^\/interactions\/(\d+)\/([^/]+)\/callback$/;

interface StoredDispatch {
  s: number;
  t: string;
  d: unknown;
}

export class DiscordDouble extends EventEmitter {
  readonly token: string;
  readonly applicationId: string;
  readonly guildId: string;
  readonly channelId = SnowflakeUtil.generate().toString();
  readonly userId = SnowflakeUtil.generate().toString();
  readonly requests: RecordedRequest[] = [];
  readonly frames: GatewayFrame[] = [];
  /** Request paths of every gateway connection, in order: shows whether a reconnect used resume_gateway_url. */
  readonly connections: string[] = [];
  apiUrl = '';
  gatewayUrl = '';
  resumeUrl = '';

  private readonly checkRestToken: boolean;
  private readonly heartbeatInterval: number;
  private readonly hello: boolean;
  private readonly answerRest: boolean;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private socket: WebSocket | undefined;
  private sessionId = '';
  private sequence = 0;
  /** Every dispatch of the current session, so a RESUME can replay what the client missed. */
  private dispatched: StoredDispatch[] = [];
  private failures: { failure: InjectedFailure; remaining: number }[] = [];

  private constructor(options: DoubleOptions) {
    super();
    this.setMaxListeners(0);
    this.token = options.token;
    this.applicationId = options.applicationId ?? SnowflakeUtil.generate().toString();
    this.guildId = options.guildId ?? SnowflakeUtil.generate().toString();
    this.checkRestToken = options.checkRestToken ?? true;
    this.heartbeatInterval = options.heartbeatInterval ?? 41_250;
    this.hello = options.hello ?? true;
    this.answerRest = options.answerRest ?? true;
    this.http = createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ server: this.http });
    this.wss.on('connection', (socket, req) => this.onConnection(socket, req));
  }

  static async start(options: DoubleOptions): Promise<DiscordDouble> {
    const double = new DiscordDouble(options);
    await new Promise<void>((resolve) => double.http.listen(0, '127.0.0.1', resolve));
    const { port } = double.http.address() as AddressInfo;
    double.apiUrl = `http://127.0.0.1:${port}/api`;
    // Distinct paths, so a test can tell a resume (which must use resume_gateway_url) from a fresh connect.
    double.gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    double.resumeUrl = `ws://127.0.0.1:${port}/resume`;
    return double;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  // ---- what the bot did -------------------------------------------------------------------------

  /** Accepted interaction callbacks, in arrival order. */
  readonly callbacks: RecordedCallback[] = [];
  /** The same, by interaction id: a burst test asks about hundreds of ids after every request. */
  private readonly callbacksById = new Map<string, RecordedCallback[]>();

  callbacksFor(interactionId: string): RecordedCallback[] {
    return this.callbacksById.get(interactionId) ?? [];
  }

  /** Frames with one opcode, e.g. every IDENTIFY the client sent. */
  framesWith(op: GatewayOpcodes): GatewayFrame[] {
    return this.frames.filter((f) => f.op === op);
  }

  /**
   * Resolves with the predicate's first truthy value, re-checked whenever something is recorded
   * (and every 25 ms, for conditions outside the double such as a child's output), so tests wait
   * exactly as long as needed instead of sleeping.
   */
  waitFor<T>(predicate: () => T | undefined | null | false, { timeout = 5_000, what = 'condition' } = {}): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = predicate();
        if (value === undefined || value === null || value === false) return false;
        cleanup();
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out after ${timeout} ms waiting for ${what}`));
      }, timeout);
      const poll = setInterval(check, 25);
      const cleanup = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.off('activity', check);
      };
      if (!check()) this.on('activity', check);
    });
  }

  /** Waits for the interaction's first accepted callback. */
  waitForCallback(interactionId: string, timeout = 5_000): Promise<RecordedCallback> {
    return this.waitFor(() => this.callbacksFor(interactionId)[0], { timeout, what: `a callback for interaction ${interactionId}` });
  }

  /** Messages the bot posted to a channel or thread (not interaction replies), in order. */
  readonly posts: { channelId: string; messageId: string; body: Record<string, unknown> }[] = [];
  /** Threads the bot opened on a message; a thread's id is its message's. */
  readonly threads: { id: string; parentId: string; name: string }[] = [];
  /** Channels deleted since the guild was created: posting there answers 404 Unknown Channel. */
  readonly deletedChannels = new Set<string>();

  private channelExists(id: string): boolean {
    return !this.deletedChannels.has(id) && (id === this.channelId || this.threads.some((t) => t.id === id));
  }

  // ---- failures to inject -----------------------------------------------------------------------

  /** The next `times` posts to `channelId` are refused the way Discord refuses a bot without Send Messages. */
  refusePosts(channelId: string, times = 1): void {
    this.failNext({ method: 'POST', path: new RegExp(`^/channels/${channelId}/messages$`), status: 403, body: { message: 'Missing Permissions', code: 50013 } }, times);
  }

  /** The next `times` requests matching `failure` get its status, headers and body instead of an answer. */
  failNext(failure: InjectedFailure, times = 1): void {
    this.failures.push({ failure, remaining: times });
  }

  /** Rate-limits the next `times` interaction callbacks the way Discord does: 429, retry-after, JSON body. */
  rateLimitCallbacks(times = 1, retryAfterSeconds = 0.1): void {
    this.failNext(
      {
        method: 'POST',
        path: /^\/interactions\/\d+\/[^/]+\/callback$/,
        status: 429,
        headers: { 'retry-after': String(retryAfterSeconds) },
        body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
      },
      times,
    );
  }

  /** Every REST request that is not an interaction callback gets a global 429 for `retryAfterSeconds`, as Discord sends it. */
  rateLimitGlobally(retryAfterSeconds: number, times = Number.POSITIVE_INFINITY): void {
    this.failNext(
      {
        path: /^\/(?!interactions\/)/,
        status: 429,
        headers: { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
        body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: true },
      },
      times,
    );
  }

  // ---- the gateway, from Discord's side ---------------------------------------------------------

  /** The session READY announced; a RESUME must name it. */
  get session(): { id: string; sequence: number } {
    return { id: this.sessionId, sequence: this.sequence };
  }

  get connected(): boolean {
    return this.socket?.readyState === 1;
  }

  /** Sends a DISPATCH with the next sequence number; kept for replay on RESUME even if nobody is connected. */
  dispatch(t: string, d: unknown): number {
    const s = ++this.sequence;
    this.dispatched.push({ s, t, d });
    if (this.connected) this.send({ op: GatewayOpcodes.Dispatch, t, s, d });
    return s;
  }

  dispatchInteraction(payload: unknown): void {
    this.dispatch('INTERACTION_CREATE', payload);
  }

  /** Anything at all on the gateway: a string goes as is, anything else as JSON. */
  sendRaw(frame: unknown): void {
    this.socket?.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Closes the current connection with a gateway close code, e.g. 4000 (resumable) or 4004. */
  closeGateway(code: number, reason = ''): void {
    this.socket?.close(code, reason);
  }

  // ---- interaction payloads ---------------------------------------------------------------------

  /** Fields every interaction carries; ids are real snowflakes so discord.js sees their true age. */
  private baseInteraction(type: InteractionType, data: unknown, { appPermissions = ALL_PERMISSIONS, memberPermissions = ALL_PERMISSIONS }: InteractionOptions = {}): InteractionPayload {
    return {
      id: SnowflakeUtil.generate().toString(),
      token: `itok-${randomBytes(12).toString('hex')}`,
      type,
      version: 1,
      application_id: this.applicationId,
      guild_id: this.guildId,
      channel_id: this.channelId,
      channel: { id: this.channelId, type: 0, guild_id: this.guildId, name: 'reading-group' },
      member: {
        user: this.user(this.userId, 'reader'),
        roles: [],
        permissions: memberPermissions,
        joined_at: new Date(0).toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
        nick: null,
      },
      app_permissions: appPermissions,
      locale: 'en-GB',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': this.guildId },
      context: 0,
      attachment_size_limit: 10_485_760,
      data,
    };
  }

  private commandOptions(values: OptionValues, focused?: string) {
    return Object.entries(values).map(([name, value]) => ({
      name,
      value,
      type:
        typeof value === 'boolean'
          ? ApplicationCommandOptionType.Boolean
          : typeof value === 'number'
            ? ApplicationCommandOptionType.Integer
            : ApplicationCommandOptionType.String,
      ...(name === focused ? { focused: true } : {}),
    }));
  }

  slashCommand(name: string, options: OptionValues = {}): InteractionPayload {
    return this.baseInteraction(InteractionType.ApplicationCommand, {
      id: SnowflakeUtil.generate().toString(),
      name,
      type: 1,
      guild_id: this.guildId,
      options: this.commandOptions(options),
    });
  }

  /** A subcommand, e.g. `/daily set channel:… time:…`: one option of type 1 holding the others. */
  subcommand(name: string, subcommand: string, options: OptionValues = {}, interaction: InteractionOptions = {}): InteractionPayload {
    return this.baseInteraction(
      InteractionType.ApplicationCommand,
      { id: SnowflakeUtil.generate().toString(), name, type: 1, guild_id: this.guildId, options: [{ name: subcommand, type: ApplicationCommandOptionType.Subcommand, options: this.commandOptions(options) }] },
      interaction,
    );
  }

  /** An autocomplete for `focused`, whose value is what the user has typed so far (a string). */
  autocomplete(name: string, focused: string, options: OptionValues): InteractionPayload {
    return this.baseInteraction(InteractionType.ApplicationCommandAutocomplete, {
      id: SnowflakeUtil.generate().toString(),
      name,
      type: 1,
      guild_id: this.guildId,
      options: this.commandOptions(options, focused),
    });
  }

  /**
   * A click on a button of a message the bot posted; `message` is what the bot's reply contained
   * (give its `id` to click a message the double recorded, e.g. a channel post).
   */
  button(customId: string, message: { id?: string; embeds?: unknown[]; components?: unknown[]; content?: string; flags?: number } = {}, options: InteractionOptions = {}): InteractionPayload {
    return {
      ...this.baseInteraction(InteractionType.MessageComponent, { custom_id: customId, component_type: ComponentType.Button }, options),
      message: this.message(message),
    };
  }

  /** A message context-menu command ("Apps → name") run on a message someone wrote; its content arrives resolved. */
  messageCommand(name: string, target: { content?: string; embeds?: unknown[] }, options: InteractionOptions = {}): InteractionPayload {
    const message = { ...this.message(target), author: this.user(this.userId, 'reader'), application_id: undefined, webhook_id: undefined };
    return this.baseInteraction(
      InteractionType.ApplicationCommand,
      { id: SnowflakeUtil.generate().toString(), name, type: 3, guild_id: this.guildId, target_id: message.id, resolved: { messages: { [message.id]: message } } },
      options,
    );
  }

  private user(id: string, username: string, bot = false) {
    return { id, username, discriminator: '0', global_name: null, avatar: null, bot, flags: 0 };
  }

  /** A plausible message object, as Discord returns for a posted or edited message. */
  private message(body: Record<string, unknown>) {
    return {
      id: SnowflakeUtil.generate().toString(),
      type: 0,
      channel_id: this.channelId,
      author: this.user(this.applicationId, 'Marginalia', true),
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: 0,
      application_id: this.applicationId,
      webhook_id: this.applicationId,
      ...body,
    };
  }

  // ---- REST ---------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = raw && /json/.test(req.headers['content-type'] ?? '') ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const method = req.method ?? 'GET';
    const path = decodeURIComponent(url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname);
    if (!this.answerRest) {
      // Left open: close() ends it with every other connection.
      this.requests.push({ method, path, query: Object.fromEntries(url.searchParams), authorization: req.headers.authorization, body, status: 0 });
      this.emit('activity');
      return;
    }
    const reply = this.route(method, path, req.headers.authorization, body);
    const query = Object.fromEntries(url.searchParams);
    this.requests.push({ method, path, query, authorization: req.headers.authorization, body, status: reply.status });
    const callback = CALLBACK.exec(path);
    if (callback && method === 'POST' && reply.status === 204) {
      const [, interactionId = '', token = ''] = callback;
      const recorded = { interactionId, token, body: body as RecordedCallback['body'], query };
      this.callbacks.push(recorded);
      this.callbacksById.set(interactionId, [...this.callbacksFor(interactionId), recorded]);
    }
    res.writeHead(reply.status, { ...(reply.body === undefined ? {} : { 'content-type': 'application/json' }), ...reply.headers });
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
    this.emit('activity');
  }

  private route(method: string, path: string, authorization: string | undefined, body: unknown): { status: number; body?: unknown; headers?: Record<string, string> } {
    const injected = this.failures.find((f) => f.remaining > 0 && (!f.failure.method || f.failure.method === method) && f.failure.path.test(path));
    if (injected) {
      injected.remaining--;
      return { status: injected.failure.status, body: injected.failure.body ?? { message: 'Injected failure', code: 0 }, headers: injected.failure.headers ?? {} };
    }
    // Interaction and webhook routes authenticate by the token in the path, as on Discord.
    const tokenInPath = path.startsWith('/interactions/') || path.startsWith('/webhooks/');
    if (!tokenInPath && this.checkRestToken && authorization !== `Bot ${this.token}`) {
      return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    }
    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 } },
      };
    }
    if (method === 'POST' && CALLBACK.test(path)) return { status: 204 };
    if (method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) {
      return { status: 200, body: this.message(body as Record<string, unknown>) };
    }
    if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) {
      return { status: 200, body: this.message(body as Record<string, unknown>) };
    }
    const channelPost = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (method === 'POST' && channelPost) {
      const channelId = channelPost[1] ?? '';
      if (!this.channelExists(channelId)) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
      const message = this.message({ ...(body as Record<string, unknown>), channel_id: channelId, webhook_id: undefined });
      this.posts.push({ channelId, messageId: message.id, body: body as Record<string, unknown> });
      return { status: 200, body: message };
    }
    const thread = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
    if (method === 'POST' && thread) {
      const [, channelId = '', messageId = ''] = thread;
      if (!this.channelExists(channelId)) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
      if (this.threads.some((t) => t.id === messageId)) return { status: 400, body: { message: 'A thread has already been created for this message', code: 160004 } };
      const { name } = body as { name: string };
      // On Discord a thread started from a message takes the message's id.
      this.threads.push({ id: messageId, parentId: channelId, name });
      return {
        status: 201,
        body: { id: messageId, type: 11, guild_id: this.guildId, parent_id: channelId, name, owner_id: this.applicationId, message_count: 0, member_count: 1, thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false } },
      };
    }
    const commands = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (method === 'PUT' && commands && Array.isArray(body)) {
      const [, application, guild] = commands;
      if (application !== this.applicationId) return { status: 403, body: { message: 'Missing Access', code: 50001 } };
      return {
        status: 200,
        body: body.map((command: Record<string, unknown>) => ({
          type: 1,
          default_member_permissions: null,
          ...command,
          id: SnowflakeUtil.generate().toString(),
          application_id: application,
          version: SnowflakeUtil.generate().toString(),
          ...(guild ? { guild_id: guild } : {}),
        })),
      };
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  // ---- gateway ------------------------------------------------------------------------------------

  private onConnection(socket: WebSocket, req: IncomingMessage): void {
    const connection = this.connections.length;
    this.connections.push(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    this.socket = socket;
    socket.on('message', (data, isBinary) => {
      // The client must speak plain JSON text: no zlib-sync, no ETF.
      if (isBinary) return socket.close(4002, 'Decode error');
      let frame: { op?: unknown; d?: unknown };
      try {
        frame = JSON.parse(data.toString()) as typeof frame;
      } catch {
        return socket.close(4002, 'Decode error');
      }
      this.frames.push({ op: Number(frame.op), d: frame.d, connection });
      this.onFrame(socket, Number(frame.op), frame.d);
      this.emit('activity');
    });
    socket.on('close', () => {
      if (this.socket === socket) this.socket = undefined;
      this.emit('activity');
    });
    if (this.hello) this.send({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.heartbeatInterval } }, socket);
    this.emit('activity');
  }

  private onFrame(socket: WebSocket, op: number, d: unknown): void {
    const data = (d ?? {}) as Record<string, unknown>;
    switch (op) {
      case GatewayOpcodes.Heartbeat:
        this.send({ op: GatewayOpcodes.HeartbeatAck }, socket);
        return;
      case GatewayOpcodes.Identify:
        if (data.token !== this.token) return socket.close(4004, 'Authentication failed.');
        this.identify();
        return;
      case GatewayOpcodes.Resume: {
        if (data.token !== this.token) return socket.close(4004, 'Authentication failed.');
        if (data.session_id !== this.sessionId) return this.send({ op: GatewayOpcodes.InvalidSession, d: false }, socket);
        const seq = Number(data.seq);
        for (const event of this.dispatched.filter((e) => e.s > seq)) this.send({ op: GatewayOpcodes.Dispatch, ...event }, socket);
        this.dispatch('RESUMED', null);
        return;
      }
      default:
        return;
    }
  }

  /** A new session: READY, then GUILD_CREATE for its guild (the client waits for one per listed guild). */
  private identify(): void {
    this.sessionId = randomBytes(16).toString('hex');
    this.sequence = 0;
    this.dispatched = [];
    this.dispatch('READY', {
      v: 10,
      user: this.user(this.applicationId, 'Marginalia', true),
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: this.sessionId,
      resume_gateway_url: this.resumeUrl,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 },
    });
    this.dispatch('GUILD_CREATE', {
      id: this.guildId,
      name: 'Reading group',
      icon: null,
      owner_id: this.userId,
      unavailable: false,
      large: false,
      member_count: 2,
      joined_at: new Date(0).toISOString(),
      preferred_locale: 'en-US',
      features: [],
      roles: [{ id: this.guildId, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      channels: [{ id: this.channelId, type: 0, name: 'reading-group', guild_id: this.guildId, position: 0, permission_overwrites: [] }],
      emojis: [],
      stickers: [],
      members: [],
      presences: [],
      voice_states: [],
      threads: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    });
  }

  private send(frame: { op: number; d?: unknown; s?: number; t?: string }, socket = this.socket): void {
    if (socket?.readyState !== 1) return;
    // Text frames of JSON, as Discord sends without compression.
    socket.send(JSON.stringify({ s: null, t: null, d: null, ...frame }));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
