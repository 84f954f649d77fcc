import { LIMITS } from './limits';

/** Set on the buttons of a `spoilers:true` reply: they answer that reader past the reading mark too. */
type Unguarded = { spoilers?: true };

/** What a button asks for. Everything needed is in its custom_id, so any process can answer it. */
export type ButtonAction =
  | ({ kind: 'quote'; page: number; workId?: string; query: string } & Unguarded)
  | ({ kind: 'search'; page: number; workId?: string; query: string } & Unguarded)
  | ({ kind: 'random'; workId?: string } & Unguarded)
  | ({ kind: 'context'; workId: string; seq: number } & Unguarded)
  /** Posts a privately found passage for everyone in the channel. */
  | { kind: 'post'; workId: string; seq: number }
  /** Opens a thread on the message the button is on, named after the passage. */
  | { kind: 'discuss'; workId: string; seq: number }
  /** Shows the passage's citation, privately, ready to paste. */
  | ({ kind: 'cite'; workId: string; seq: number } & Unguarded)
  /** A page of /works, or with `server` of /library show. */
  | { kind: 'works'; page: number; server?: true };

/** The buttons that may answer unguarded: each answers privately, on the reader's own message. Post and Discuss share with everyone: never. */
const UNGUARDABLE: ReadonlySet<ButtonAction['kind']> = new Set(['quote', 'search', 'random', 'context', 'cite']);

const VERSION = 'm1';
/** The version mark of an unguarded button: "m1u|q|…". */
const UNGUARDED = `${VERSION}u`;
const SEPARATOR = '|';
const CODES = { quote: 'q', search: 's', random: 'r', context: 'c', post: 'p', discuss: 'd', cite: 'k', works: 'w' } as const;

/**
 * Encodes an action in at most 100 characters. A query that does not fit is cut at a word
 * boundary, so a very long query pages through the results of its first words.
 */
export function encodeAction(action: ButtonAction): string {
  const version = 'spoilers' in action && action.spoilers ? UNGUARDED : VERSION;
  const head = (fields: (string | number)[]) => [version, CODES[action.kind], ...fields].join(SEPARATOR);
  switch (action.kind) {
    case 'context':
    case 'post':
    case 'discuss':
    case 'cite':
      return head([action.workId, action.seq]);
    case 'works':
      return head(action.server ? [action.page, 's'] : [action.page]);
    case 'random':
      return head([action.workId ?? '']);
    case 'quote':
    case 'search': {
      const prefix = `${head([action.page, action.workId ?? ''])}${SEPARATOR}`;
      const room = LIMITS.customId - prefix.length;
      let query = action.query;
      if (query.length > room) {
        const cut = query.lastIndexOf(' ', room);
        query = query.slice(0, cut > 0 ? cut : room);
        // Never half a character: a cut between a surrogate pair would leave invalid text.
        if (/[\uD800-\uDBFF]$/.test(query)) query = query.slice(0, -1);
      }
      return prefix + query;
    }
  }
}

export type DecodedAction = { ok: true; action: ButtonAction } | { ok: false; reason: string };

const STALE = 'This button comes from an older version of Marginalia and no longer works. Run the command again.';

export function decodeAction(customId: string): DecodedAction {
  const [version] = customId.split(SEPARATOR, 1);
  if (version !== UNGUARDED) return decodeGuarded(customId);
  // Only a button that answers privately may be unguarded: any other is no button this version made.
  const decoded = decodeGuarded(VERSION + customId.slice(UNGUARDED.length));
  if (!decoded.ok || !UNGUARDABLE.has(decoded.action.kind)) return { ok: false, reason: STALE };
  return { ok: true, action: { ...decoded.action, spoilers: true } as ButtonAction };
}

/** The same button, answering past the reading mark, for the buttons of a `spoilers:true` reply; undefined for one that shares with the channel. */
export function unguardedId(customId: string): string | undefined {
  const decoded = decodeAction(customId);
  if (!decoded.ok) return customId;
  return UNGUARDABLE.has(decoded.action.kind) ? encodeAction({ ...decoded.action, spoilers: true } as ButtonAction) : undefined;
}

function decodeGuarded(customId: string): DecodedAction {
  const [version, code, ...rest] = customId.split(SEPARATOR);
  if (version !== VERSION) return { ok: false, reason: STALE };
  const page = Number(rest[0]);
  switch (code) {
    case CODES.context:
    case CODES.post:
    case CODES.discuss:
    case CODES.cite: {
      const seq = Number(rest[1]);
      const kind = code === CODES.context ? 'context' : code === CODES.post ? 'post' : code === CODES.cite ? 'cite' : 'discuss';
      return rest[0] && rest[1] && Number.isInteger(seq) && seq >= 0 ? { ok: true, action: { kind, workId: rest[0], seq } } : { ok: false, reason: STALE };
    }
    case CODES.works:
      if (!Number.isInteger(page) || page < 0 || !(rest.length === 1 || (rest.length === 2 && rest[1] === 's'))) return { ok: false, reason: STALE };
      return { ok: true, action: { kind: 'works', page, ...(rest[1] ? { server: true as const } : {}) } };
    case CODES.random:
      return { ok: true, action: { kind: 'random', ...(rest[0] ? { workId: rest[0] } : {}) } };
    case CODES.quote:
    case CODES.search: {
      const query = rest.slice(2).join(SEPARATOR);
      if (!Number.isInteger(page) || page < 0 || !query) return { ok: false, reason: STALE };
      const kind = code === CODES.quote ? 'quote' : 'search';
      return { ok: true, action: { kind, page, query, ...(rest[1] ? { workId: rest[1] } : {}) } };
    }
    default:
      return { ok: false, reason: STALE };
  }
}
