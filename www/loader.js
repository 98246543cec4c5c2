// Starts an instance with the small start build (the explainer only) and switches it to the
// full build the first time a user opens another view: the first page load fetches only what
// the first screen needs (docs/performance.md). Used by main.js and embed.js.
import initStart, { mount as mountStart, linkDone } from '../pkg/routewijzer_start.js';

const FULL = new URL('../pkg/routewijzer.js', import.meta.url).href;
// Subresource Integrity of the full build's JavaScript: import() cannot carry it, so the file
// is first fetched by a <link rel="modulepreload" integrity>, whose module import() reuses.
const FULL_INTEGRITY = ''; // set by make dist (scripts/dist.mjs)
const VIEWS_CSS = new URL('./views.css', import.meta.url).href;
const VIEWS_CSS_INTEGRITY = ''; // set by make dist (scripts/dist.mjs)
// The rules' texts and sources, fetched when someone first opens a finding, with the
// findings' English sentences (src/ui/rule_texts.rs).
const RULES = new URL('../data/rules.json', import.meta.url).href;
const RULES_INTEGRITY = ''; // set by make dist
const ENGLISH = new URL('../data/findings/en.json', import.meta.url).href;
const ENGLISH_INTEGRITY = ''; // set by make dist
// The water areas (IJsselmeer, Waddenzee…), fetched when a point first lies outside every
// gemeente polygon (src/ui/water.rs); the full build has them compiled in.
const WATER = new URL('../data/geo/water.bin', import.meta.url).href;
const WATER_INTEGRITY = ''; // set by make dist
let started;
let full;
let rules;
let water;
/** Every mounted instance's root, for the page shown when the module dies (below). */
const roots = new Set();

/** A file as text, with its integrity. */
const text = (url, integrity) => fetch(url, integrity ? { integrity } : {})
  .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`${url}: HTTP ${response.status}`))));

/** The rules file and the findings' English as text, fetched once per page. */
function rulesText() {
  rules ??= Promise.all([text(RULES, RULES_INTEGRITY), text(ENGLISH, ENGLISH_INTEGRITY).catch(() => undefined)]);
  return rules;
}

/** The water areas as bytes, or none when they cannot be fetched (a later point retries). */
function waterBytes() {
  water ??= fetch(WATER, WATER_INTEGRITY ? { integrity: WATER_INTEGRITY } : {})
    .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((buffer) => new Uint8Array(buffer), () => {
      water = undefined;
      return new Uint8Array(); // the app says the water areas could not load
    });
  return water;
}

/** The views' stylesheet, once per document or shadow root; resolves when it has loaded. */
function stylesheet(root) {
  const scope = root.getRootNode();
  const parent = scope instanceof ShadowRoot ? scope : document.head;
  const present = parent.querySelector(`link[href="${VIEWS_CSS}"]`);
  if (present) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = VIEWS_CSS;
    if (VIEWS_CSS_INTEGRITY) link.integrity = VIEWS_CSS_INTEGRITY;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`routewijzer: ${VIEWS_CSS} kon niet laden`));
    parent.append(link);
  });
}

/** Fetches module `href` with its integrity; rejects if the browser refuses the file. */
function preload(href, integrity) {
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    link.integrity = integrity;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`routewijzer: ${href} kon niet laden of is gewijzigd (integriteitscontrole)`));
    document.head.append(link);
  });
}

// Share links (src/ui/links.rs, domain/link.rs): a long scenario is packed by the browser's
// own CompressionStream (deflate-raw) and base64url, so the wasm carries no compressor.
const TOO_BIG = 'groot';
const through = (data, transform) => new Blob([data]).stream().pipeThrough(transform);
async function deflate(text) {
  let binary = '';
  for (const byte of new Uint8Array(await new Response(through(text, new CompressionStream('deflate-raw'))).arrayBuffer())) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}
/** Unpacks at most `max` bytes: a link that unpacks to more (a zip bomb) stops there. */
async function inflate(packed, max) {
  const bytes = Uint8Array.from(atob(packed.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const reader = through(bytes, new DecompressionStream('deflate-raw')).getReader();
  const parts = [];
  let size = 0;
  for (let part; !(part = await reader.read()).done;) {
    size += part.value.length;
    if (size > max) {
      reader.cancel().catch(() => {});
      throw TOO_BIG;
    }
    parts.push(part.value);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(await new Blob(parts).arrayBuffer());
}
/** The codec a module's links use: packs (`max` 0) or unpacks, then answers `done`. */
const codec = (done) => (turn, text, max) => (max ? inflate(text, max) : deflate(text))
  .then((value) => done(turn, value), (error) => done(turn, undefined, error === TOO_BIG ? error : 'kapot'));

/** The full build (every view, the JS API, the iframe API), loaded once. */
function fullBuild() {
  full ??= (FULL_INTEGRITY ? preload(FULL, FULL_INTEGRITY) : Promise.resolve())
    .then(() => import(FULL))
    .then(async (module) => ({ module, wasm: await module.default() }));
  return full;
}

/**
 * Replaces `root`'s content with a message built without WebAssembly: for a module that
 * trapped (out of memory, `unreachable`), a file that was refused, or a start that failed.
 * A panic page (src/ui/panic.rs) already there stays: it has the details.
 */
export function showError(root, title, text, details = '') {
  if (root.querySelector('.rw-panic')) return;
  const panel = document.createElement('div');
  panel.className = 'rw-panic';
  panel.setAttribute('role', 'alert');
  for (const [tag, content] of [['h2', title], ['p', text], ['pre', details]]) {
    const element = document.createElement(tag);
    element.textContent = content;
    if (content) panel.append(element);
  }
  root.replaceChildren(panel);
}

// A WebAssembly module that traps (memory exhausted, `unreachable`, a stack overflow) cannot
// be called again, and its panic hook never ran: without this the page would stay as it was,
// dead. Every instance shows what happened and what to do; nothing stored is touched.
const KEPT = 'Herlaad de pagina om verder te gaan; wat u in deze browser hebt opgeslagen, blijft bewaard.';
const DIED = ['Er ging iets mis', `Routewijzer is gestopt door een interne fout. ${KEPT}`];
const died = (error) => error instanceof WebAssembly.RuntimeError
  || (error instanceof RangeError && /wasm/.test(error.stack ?? ''));
const onDeath = (error) => {
  if (!died(error)) return;
  for (const root of roots) if (root.isConnected) showError(root, ...DIED, String(error));
};
addEventListener('error', (event) => onDeath(event.error));
addEventListener('unhandledrejection', (event) => onDeath(event.reason));

/** Mounts into `root`; resolves to { destroy(), memoryBytes() }. Rejects on a bad option. */
export async function start(root, options = {}) {
  let handle;
  let wasm;
  // Asked on the document (the areas serve every instance on the page), possibly while the
  // app mounts (a link to a point in the IJsselmeer): so listen before mounting.
  const onWater = () => waterBytes().then((bytes) => handle?.setWater(bytes));
  document.addEventListener('routewijzer-water', onWater);
  // A page that a host drives by postMessage (parentOrigins) needs the full build at once.
  if ((options.parentOrigins ?? []).length > 0) {
    const [loaded] = await Promise.all([fullBuild(), stylesheet(root)]);
    handle = loaded.module.mount(root, options, codec(loaded.module.linkDone));
    wasm = loaded.wasm;
  } else {
    started ??= initStart();
    wasm = await started;
    handle = mountStart(root, options, codec(linkDone));
    const upgrade = async (event) => {
      // The start build hands over the view to open, its scenario and the language (nothing
      // is lost, even for an instance that stores nothing); focus goes to the new view.
      const { view, scenario, lang } = event.detail ?? {};
      try {
        const [loaded] = await Promise.all([fullBuild(), stylesheet(root)]);
        handle.destroy();
        handle = loaded.module.mount(root, { ...options, view, scenario, lang, focus: true }, codec(loaded.module.linkDone));
        wasm = loaded.wasm;
        root.removeEventListener('routewijzer-upgrade', upgrade);
      } catch (error) {
        // A refused file (changed on the server) or no network: the explainer cannot switch,
        // so the page says so instead of waiting for ever. The scenario is in the link and
        // in storage; a reload gets it back.
        console.error(error);
        showError(root, 'Routewijzer kon deze weergave niet laden', KEPT, String(error.message ?? error));
      }
    };
    root.addEventListener('routewijzer-upgrade', upgrade);
  }
  root.addEventListener('routewijzer-rules', () => {
    rulesText().then(
      ([rulesJson, english]) => handle.setRules(rulesJson, english, undefined),
      (error) => handle.setRules(undefined, undefined, `${RULES}: ${error.message ?? error}`),
    );
  });
  roots.add(root);
  return {
    destroy: () => {
      roots.delete(root);
      document.removeEventListener('routewijzer-water', onWater);
      handle.destroy();
    },
    memoryBytes: () => wasm.memory.buffer.byteLength,
  };
}
