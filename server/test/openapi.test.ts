/** docs/openapi.yaml: it parses, its routes are the server's, its shapes are the model's. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { OPENAPI_FILE, modelSchemas } from '../../scripts/openapi.js';
import { testApp } from './harness.js';

interface OpenApi {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

describe('docs/openapi.yaml', () => {
  it('parses as OpenAPI 3.1, with the API base in its server URL', async () => {
    const document = parse(await readFile(OPENAPI_FILE, 'utf8')) as OpenApi;
    assert.match(document.openapi, /^3\.1\./);
    assert.ok(document.servers.every((server) => server.url.endsWith('/api/v1')));
  });

  it('lists every route of the server, and no route the server does not have', async () => {
    const document = parse(await readFile(OPENAPI_FILE, 'utf8')) as OpenApi;
    const documented = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).filter((key) => METHODS.includes(key)).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    const { app } = await testApp();
    const served = [
      ...new Set(
        app.routes
          .filter((route) => route.method !== 'ALL')
          .map((route) => `${route.method} ${route.path.replace(/^\/api\/v1/, '').replace(/:(\w+)/g, '{$1}')}`)
          // Middleware registered on a pattern (`*`) is not a route.
          .filter((route) => !route.endsWith('*')),
      ),
    ].sort();
    assert.deepEqual(documented, served);
  });

  it('describes the bodies with the JSON Schemas generated from the zod schemas of src/model (run `npx tsx scripts/openapi.ts` after changing them)', async () => {
    const document = parse(await readFile(OPENAPI_FILE, 'utf8')) as OpenApi;
    for (const [name, schema] of Object.entries(modelSchemas())) assert.deepEqual(document.components.schemas[name], schema, name);
  });

  it('has no $ref that points nowhere', async () => {
    const text = await readFile(OPENAPI_FILE, 'utf8');
    const document = parse(text) as Record<string, unknown>;
    const refs = [...text.matchAll(/\$ref: "#\/([^"]+)"/g)].map((match) => match[1]!);
    assert.ok(refs.length > 20);
    for (const ref of new Set(refs)) {
      const target = ref.split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
      assert.ok(target, `#/${ref}`);
    }
  });
});
