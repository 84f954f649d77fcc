import { MATTER_ROLES, type MatterRole } from './types';

/** Locating keys a heading may carry, and how a locator writes each: `{bk=9}` → "bk. 9". */
export const LOCATOR_KEYS = ['vol', 'bk', 'pt', 'ch', 'no', 'sec', 'ep'] as const;
export type LocatorKey = (typeof LOCATOR_KEYS)[number];

/** What an attribute block at the end of a heading says: `## CHAPTER III {ch=3 role=editor}`. */
export interface HeadingAttributes {
  /** The heading's locator component: "ch. 3", or a `loc` name such as "Preface". */
  component?: string;
  role?: MatterRole;
  author?: string;
}

const ATTRIBUTE_BLOCK = /\s*\{([^{}]*)\}\s*$/;
const ATTRIBUTE = /([a-z_]+)=(?:"([^"]*)"|([^\s"]+))|(\S+)/g;
const NUMBER = /^[1-9]\d{0,3}$/;
export const MAX_LOC_LENGTH = 40;

/** A heading's title without its attribute block, and the block's attributes, or why the block is wrong. */
export function splitHeading(heading: string): { title: string; attributes: HeadingAttributes; error?: string } {
  const block = ATTRIBUTE_BLOCK.exec(heading);
  if (!block) return { title: heading, attributes: {} };
  const title = heading.slice(0, block.index).trim();
  const { attributes, error } = parseAttributes(block[1] ?? '', 'heading');
  return { title, attributes, ...(error ? { error } : {}) };
}

/** `{role=translator} The note…`: a note's role, and its text without the block. */
export function splitNote(text: string): { text: string; role?: MatterRole; error?: string } {
  const block = /^\{([^{}]*)\}\s*/.exec(text);
  if (!block) return { text };
  const { attributes, error } = parseAttributes(block[1] ?? '', 'note');
  return { text: text.slice(block[0].length), ...(attributes.role ? { role: attributes.role } : {}), ...(error ? { error } : {}) };
}

function parseAttributes(body: string, where: 'heading' | 'note'): { attributes: HeadingAttributes; error?: string } {
  const attributes: HeadingAttributes = {};
  const allowed = where === 'heading' ? `${LOCATOR_KEYS.join(', ')}, loc, role or author` : 'role';
  for (const m of body.matchAll(ATTRIBUTE)) {
    const [whole, key, quoted, bare] = m;
    const value = (quoted ?? bare ?? '').trim();
    if (!key) return { attributes, error: `attribute "${whole}" must be written key=value (${allowed})` };
    if (key === 'role') {
      if (!(MATTER_ROLES as readonly string[]).includes(value)) return { attributes, error: `role must be one of ${MATTER_ROLES.join(', ')}, not "${value}"` };
      attributes.role = value as MatterRole;
    } else if (where === 'note') {
      return { attributes, error: `a note takes only a role, not "${key}"` };
    } else if (key === 'author') {
      if (!value) return { attributes, error: 'author must name someone' };
      attributes.author = value;
    } else if (key === 'loc') {
      if (!value || value.length > MAX_LOC_LENGTH) return { attributes, error: `loc must be 1–${MAX_LOC_LENGTH} characters` };
      if (attributes.component) return { attributes, error: 'a heading has one locator: loc or a number, not both' };
      attributes.component = value;
    } else if ((LOCATOR_KEYS as readonly string[]).includes(key)) {
      if (!NUMBER.test(value)) return { attributes, error: `${key} must be a number from 1 to 9999, not "${value}"` };
      if (attributes.component) return { attributes, error: 'a heading has one locator: loc or a number, not both' };
      attributes.component = `${key}. ${value}`;
    } else {
      return { attributes, error: `unknown attribute "${key}" (${allowed})` };
    }
  }
  return { attributes };
}
