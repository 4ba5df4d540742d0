/** A data document to import: whole, or refused naming the first bad field (an import is all or nothing). */
import { ITEM_LISTS, type DataDocument, type ParsedDocument } from '../src/model/index.js';
import { ApiError } from './errors.js';

export function strictDocument(parsed: ParsedDocument): DataDocument {
  const [dropped] = parsed.dropped;
  if (dropped) throw new ApiError('invalid-request', dropped.error.problems.join('; '), dropped.error.field);
  const parts = ['charter', ...ITEM_LISTS, 'tiers', 'guardPolicy', 'viewer'] as const;
  for (const name of parts) {
    const part = parsed[name];
    if (!part.ok) throw new ApiError('invalid-request', part.error.problems.join('; '), part.error.field || name);
  }
  const value = <K extends (typeof parts)[number]>(name: K) => (parsed[name] as unknown as { value: DataDocument[K] }).value;
  return {
    charter: value('charter'),
    shareables: value('shareables'),
    people: value('people'),
    shares: value('shares'),
    acknowledgments: value('acknowledgments'),
    tiers: value('tiers'),
    guardPolicy: value('guardPolicy'),
    ...(value('viewer') ? { viewer: value('viewer') } : {}),
  };
}
