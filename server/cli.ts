/**
 * `npm run server`: starts the reference server with the configuration of the environment
 * (docs/server.md). `npm run server -- import FILE.json` imports a data document and exits
 * (in batches, its progress on stderr); `npm run server -- migrate` applies pending migrations
 * and exits. A PGlite folder is opened by one process at a time: an import into the folder of a
 * running server stops at once and says to stop the server or to use its admin import route.
 */
import { readFile } from 'node:fs/promises';
import { parseDataDocument } from '../src/model/index.js';
import { strictDocument } from './document.js';
import { ApiError } from './errors.js';
import { migrate, openDatabase } from './db.js';
import { optionsFromEnv, startServer } from './index.js';
import { progressReporter } from './progress.js';
import { importInBatches } from './store/index.js';

const args = process.argv.slice(2);
const flags = new Set(args.filter((arg) => arg.startsWith('--')));
const [command, file] = args.filter((arg) => !arg.startsWith('--'));
const unknownFlag = [...flags].find((flag) => flag !== '--i-know');

async function main(): Promise<void> {
  if (unknownFlag) throw new Error(`Unknown option ${unknownFlag}: the only one is --i-know (the demo mode on a non-loopback HOST).`);
  const options = { ...optionsFromEnv(), ...(flags.has('--i-know') ? { allowDemoOnNetwork: true } : {}) };
  const where = options.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${options.dataDir}`;
  if (command === 'import' || command === 'migrate') {
    if (command === 'import' && !file) throw new Error('Usage: npm run server -- import path/to/document.json');
    const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, schema: options.schema });
    try {
      const applied = await migrate(db);
      console.log(`Relais: ${applied.length ? `applied migrations ${applied.join(', ')}` : 'no migration to apply'} (${where}).`);
      if (command === 'import') {
        const document = strictDocument(parseDataDocument(JSON.parse(await readFile(file!, 'utf8'))));
        // Progress on stderr (stdout keeps the one line a script may read): rows, rate, time left.
        const progress = progressReporter({ label: `importing ${file}`, output: process.stderr });
        const imported = await importInBatches(db, document, { onProgress: (state) => progress.update(state) });
        progress.finish();
        console.log(`Relais: imported ${file}: ${imported.shareables} shareables, ${imported.people} people, ${imported.shares} new shares, ${imported.acknowledgments} new acknowledgments.`);
      }
    } finally {
      await db.close();
    }
    return;
  }
  if (command !== undefined) throw new Error(`Unknown command "${command}": use import FILE, migrate, or nothing to start the server.`);
  const server = await startServer(options);
  console.log(`Relais server: ${server.url} (${where}; auth ${options.auth}${options.corsOrigins?.length ? `; CORS ${options.corsOrigins.join(', ')}` : ''})`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ApiError ? `Relais: ${error.field ? `${error.field}: ` : ''}${error.message}` : `Relais: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
