/**
 * The JSON Schemas of docs/openapi.yaml (`components.schemas`), generated from the zod schemas of
 * src/model so that the document cannot drift from what the server validates. The paths are
 * written by hand; a test checks them against the server's routes.
 *
 * `npx tsx scripts/openapi.ts` rewrites the generated part of docs/openapi.yaml in place; the server's
 * tests import `modelSchemas` to check the document.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import * as z from 'zod/mini';
import {
  AcknowledgmentSchema,
  CharterSchema,
  DataDocumentSchema,
  GuardPolicySchema,
  LeaderboardSchema,
  PersonSchema,
  ShareableSchema,
  ShareEventSchema,
  TierSchema,
  ViewerSchema,
} from '../src/model/index.js';

export const OPENAPI_FILE = fileURLToPath(new URL('../docs/openapi.yaml', import.meta.url));

const MODEL = {
  Viewer: ViewerSchema,
  Shareable: ShareableSchema,
  ShareEvent: ShareEventSchema,
  Charter: CharterSchema,
  Acknowledgment: AcknowledgmentSchema,
  Leaderboard: LeaderboardSchema,
  GuardPolicy: GuardPolicySchema,
  Person: PersonSchema,
  Tier: TierSchema,
  DataDocument: DataDocumentSchema,
};

/** Each model schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as a request may write it. */
export function modelSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(MODEL).map(([name, schema]) => {
      // Refinements (a charter's minAcknowledgedVersion <= version, its body's byte cap) have no
      // JSON Schema form: the server still checks them, and says so in the field's error.
      const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
      return [name, json];
    }),
  );
}

async function writeSchemas(): Promise<void> {
  const document = parseDocument(await readFile(OPENAPI_FILE, 'utf8'));
  const schemas = document.getIn(['components', 'schemas']) as { toJSON(): Record<string, unknown> } | undefined;
  const kept = Object.fromEntries(Object.entries(schemas?.toJSON() ?? {}).filter(([name]) => !(name in MODEL)));
  document.setIn(['components', 'schemas'], document.createNode({ ...modelSchemas(), ...kept }));
  await writeFile(OPENAPI_FILE, document.toString({ lineWidth: 0 }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await writeSchemas();
