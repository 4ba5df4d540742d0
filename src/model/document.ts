/**
 * Reads a data document part by part, so that one bad value takes down only what it belongs to:
 * an invalid shareable, person, share or acknowledgment is left out (and reported), an invalid
 * charter fails only the charter, an invalid guard policy only the policy.
 */
import * as z from 'zod/mini';
import { issuesToError, RelaisDataError } from './errors.js';
import {
  AcknowledgmentSchema,
  CharterSchema,
  charterSchema,
  DEFAULT_MAX_CHARTER_BODY_BYTES,
  GuardPolicySchema,
  PersonSchema,
  ShareableSchema,
  ShareEventSchema,
  TierSchema,
  ViewerSchema,
} from './schemas.js';

type Out<S extends z.ZodMiniType> = z.output<S>;

/** The lists of a data document whose items are read one by one. */
export const ITEM_LISTS = ['shareables', 'people', 'shares', 'acknowledgments'] as const;
export type ItemList = (typeof ITEM_LISTS)[number];

/** An item left out of a list because it is invalid. */
export interface DroppedItem {
  list: ItemList;
  index: number;
  /** The item's `id`, when it has a usable one (shareables, people, shares). */
  id?: string;
  /** Names the field from the document's root: `shareables[2].url`. Its entity is `data document`. */
  error: RelaisDataError;
}

/** A part of the document: its value, or why it cannot be read. */
export type Part<T> = { ok: true; value: T } | { ok: false; error: RelaisDataError };

export interface ParsedDocument {
  charter: Part<Out<typeof CharterSchema>>;
  shareables: Part<Out<typeof ShareableSchema>[]>;
  people: Part<Out<typeof PersonSchema>[]>;
  shares: Part<Out<typeof ShareEventSchema>[]>;
  acknowledgments: Part<Out<typeof AcknowledgmentSchema>[]>;
  tiers: Part<Out<typeof TierSchema>[]>;
  guardPolicy: Part<Out<typeof GuardPolicySchema>>;
  viewer: Part<Out<typeof ViewerSchema> | undefined>;
  /** Every item left out, in document order. */
  dropped: DroppedItem[];
}

export interface ParseDocumentOptions {
  /** The cap on the charter's body, in bytes of UTF-8. Default {@link DEFAULT_MAX_CHARTER_BODY_BYTES}. */
  maxCharterBodyBytes?: number;
}

const ENTITY = 'data document';
const ITEM_SCHEMAS = { shareables: ShareableSchema, people: PersonSchema, shares: ShareEventSchema, acknowledgments: AcknowledgmentSchema };
const DEFAULT_POLICY = { version: 1, rules: [], internalDomains: [] };

/**
 * Parses a data document (the JSON a StaticAdapter reads, the `data` of a MemoryAdapter) part
 * by part; never throws. Each item of `shareables`, `people`, `shares` and `acknowledgments` is
 * parsed on its own and left out when invalid (see `dropped`); `charter`, `tiers`,
 * `guardPolicy` and `viewer` are each valid or not as a whole. A missing list is empty, a
 * missing guard policy is the empty one, as in `DataDocumentSchema`.
 */
export function parseDataDocument(input: unknown, options: ParseDocumentOptions = {}): ParsedDocument {
  const dropped: DroppedItem[] = [];
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    const error = new RelaisDataError(ENTITY, '', [`(value): expected object, got ${Array.isArray(input) ? 'array' : input === null ? 'null' : typeof input}`]);
    const failed = { ok: false as const, error };
    return { charter: failed, shareables: failed, people: failed, shares: failed, acknowledgments: failed, tiers: failed, guardPolicy: failed, viewer: failed, dropped };
  }
  const document = input as Record<string, unknown>;
  const { maxCharterBodyBytes = DEFAULT_MAX_CHARTER_BODY_BYTES } = options;
  const charter = maxCharterBodyBytes === DEFAULT_MAX_CHARTER_BODY_BYTES ? CharterSchema : charterSchema({ maxBodyBytes: maxCharterBodyBytes });

  const list = <L extends ItemList>(name: L): Part<Out<(typeof ITEM_SCHEMAS)[L]>[]> => {
    const items = document[name];
    if (items === undefined) return { ok: true, value: [] };
    if (!Array.isArray(items)) return { ok: false, error: new RelaisDataError(ENTITY, name, [`${name}: expected array`]) };
    const schema = ITEM_SCHEMAS[name] as z.ZodMiniType;
    const value: Out<(typeof ITEM_SCHEMAS)[L]>[] = [];
    items.forEach((item, index) => {
      const result = schema.safeParse(item);
      if (result.success) {
        value.push(result.data as Out<(typeof ITEM_SCHEMAS)[L]>);
        return;
      }
      const id = (item as { id?: unknown } | null)?.id;
      dropped.push({ list: name, index, ...(typeof id === 'string' && id ? { id } : {}), error: issuesToError(ENTITY, result.error, [name, index]) });
    });
    return { ok: true, value };
  };

  const charterPart = part(charter, document.charter, 'charter');
  // The charter is written in the document's language unless it says otherwise.
  const documentLang = typeof document.lang === 'string' && document.lang.trim() ? document.lang.trim() : undefined;
  if (charterPart.ok && !charterPart.value.lang && documentLang) charterPart.value.lang = documentLang;

  return {
    charter: charterPart,
    shareables: list('shareables'),
    people: list('people'),
    shares: list('shares'),
    acknowledgments: list('acknowledgments'),
    tiers: document.tiers === undefined ? { ok: true, value: [] } : part(z.array(TierSchema), document.tiers, 'tiers'),
    guardPolicy: part(GuardPolicySchema, document.guardPolicy ?? DEFAULT_POLICY, 'guardPolicy'),
    viewer: document.viewer === undefined ? { ok: true, value: undefined } : part(ViewerSchema, document.viewer, 'viewer'),
    dropped,
  };
}

/** The value of a part, or its error thrown. */
export function partValue<T>(part: Part<T>): T {
  if (!part.ok) throw part.error;
  return part.value;
}

function part<S extends z.ZodMiniType>(schema: S, value: unknown, name: string): Part<Out<S>> {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: issuesToError(ENTITY, result.error, [name]) };
}
