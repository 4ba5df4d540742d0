/**
 * `relais.loader.js`: the classic script a page adds instead of the single file
 * (`<script src="relais/relais.loader.js" data-adapter="static" data-src="/advocacy.json">`).
 * It watches the document for Relais tags (those added later too, with the prefix) and imports
 * each element's chunk the first time one shows up; the chunks sit beside it, found from its own
 * `src`, so copying `dist/` anywhere works. Under `script-src 'self'` and Trusted Types too: it
 * only calls `import()` with URLs of its own folder (no script element, no eval, no HTML).
 */
/** The plain tag names of the elements, filled in by the build from the one list (entries/elements.ts). */
declare const __RELAIS_TAGS__: readonly string[];

/** Where the chunks are: `relais/` beside the loader; the folder is named by the build. */
declare const __RELAIS_CHUNKS__: string;

const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
const base = new URL(__RELAIS_CHUNKS__, script?.src ?? document.baseURI);
const prefix = script?.dataset['prefix']?.trim().toLowerCase() || undefined;
const prefixIsValid = !prefix || /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(prefix);
if (!prefixIsValid) {
  console.error(
    `Relais: the prefix "${script?.dataset['prefix']}" cannot start a tag name: use letters, digits and single hyphens, starting with a letter (e.g. "contoso" or "my-co"). (data-prefix) The plain tag names are used instead.`,
  );
}
const tagPrefix = prefixIsValid ? prefix : undefined;

/** The tag this page writes for each element. */
const tags = new Map(__RELAIS_TAGS__.map((name) => [tagPrefix ? `${tagPrefix}-${name}` : name, name]));
const selector = [...tags.keys()].join(',');
const requested = new Set<string>();

interface Runtime {
  start(script: HTMLScriptElement | null): void;
  defineLoaded(name: string, element: unknown, prefix: string | undefined): void;
}

let runtime: Promise<Runtime> | undefined;

/** Imports the runtime (once) and `name`'s chunk, and registers the element under this loader's prefix. */
function load(name: string): void {
  if (requested.has(name)) return;
  requested.add(name);
  runtime ??= (import(/* @vite-ignore */ new URL('runtime.js', base).href) as Promise<Runtime>).then((module) => {
    module.start(script);
    return module;
  });
  Promise.all([runtime, import(/* @vite-ignore */ new URL(`${name}.js`, base).href) as Promise<{ element: unknown }>])
    .then(([module, chunk]) => module.defineLoaded(name, chunk.element, tagPrefix))
    .catch((error: unknown) => console.error(`Relais: could not load <${name}> from ${base.href} (${error instanceof Error ? error.message : String(error)}).`));
  if (requested.size === tags.size) observer.disconnect();
}

/** Every Relais tag in `root` and below. */
function scan(root: Element | Document): void {
  if (root instanceof Element) {
    const name = tags.get(root.localName);
    if (name) load(name);
  }
  for (const element of root.querySelectorAll(selector)) load(tags.get(element.localName)!);
}

const observer = new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
});
observer.observe(document, { childList: true, subtree: true });
scan(document);
