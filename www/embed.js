// Embeds Routewijzer in another page without an iframe: the custom element
// <routewijzer-app> or mount(element, options) (docs/embedding.md). Every instance lives in
// its own shadow root, so the host page's CSS cannot break the app and the app's CSS
// cannot leak out; ids and storage keys stay per instance.
const STYLESHEET = new URL('./style.css', import.meta.url).href;
const LOADER = new URL('./loader.js', import.meta.url).href;
// The loader and the start build with their integrity, set by make dist: the host page has no
// <link rel="modulepreload" integrity> for them, so embed.js adds those before it imports the
// loader, and a changed file is refused (the full build: www/loader.js).
const CHECKED = [];
let loader;

/** The loader module, once its files have passed their integrity checks. */
function loadLoader() {
  loader ??= Promise.all(CHECKED.map(([file, integrity]) => new Promise((resolve, reject) => {
    const link = Object.assign(document.createElement('link'), { rel: 'modulepreload', integrity, onload: resolve,
      href: new URL(file, import.meta.url).href });
    link.onerror = () => reject(new Error(`routewijzer: ${link.href} kon niet laden of is gewijzigd (integriteitscontrole)`));
    document.head.append(link);
  }))).then(() => import(LOADER));
  return loader;
}
const MAX_CONFIGURATION_BYTES = 1 << 20;

/** Mounts an instance into `element`; resolves to a handle with destroy(). */
export async function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError('routewijzer: mount(element, options): element is geen DOM-element');
  const resolved = { ...options };
  if (typeof resolved.configuration === 'string' && /[/.]/.test(resolved.configuration)) {
    resolved.configuration = await fetchConfiguration(resolved.configuration);
  }
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = STYLESHEET;
  const root = document.createElement('div');
  root.className = 'rw-root';
  shadow.replaceChildren(style, root);
  const { start } = await loadLoader();
  return start(root, resolved);
}

/** A configuration file from the host's own origin (never another one: no third parties). */
async function fetchConfiguration(address) {
  const url = new URL(address, document.baseURI);
  if (url.origin !== location.origin) {
    throw new Error(`routewijzer: configuration ${url.href} staat niet op dezelfde origin als deze pagina`);
  }
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`routewijzer: configuration ${url.href}: HTTP ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_CONFIGURATION_BYTES) throw new Error(`routewijzer: configuration ${url.href} is groter dan 1 MB`);
  const json = text.replace(/^\uFEFF?\s*/, '');
  if (!json.startsWith('{')) throw new Error(`routewijzer: configuration ${url.href} is geen JSON-object`);
  // The text itself, not JSON.parse's object: the app reads it strictly (a repeated key is
  // an error naming it, where JSON.parse keeps the last).
  return json;
}

/** Options from the element's attributes: the no-JavaScript way for a CMS page. */
function optionsFrom(element) {
  const text = (name) => element.getAttribute(name) ?? undefined;
  const options = {
    id: text('instance'),
    lang: text('language'),
    region: text('region'),
    configuration: text('configuration'),
    views: text('views')?.split(/[\s,]+/).filter(Boolean),
    compact: element.hasAttribute('compact') || undefined,
    fragment: element.hasAttribute('fragment') || undefined,
    // JSON text, read by the app's strict reader (as a fetched configuration file).
    scenario: text('scenario'),
  };
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

class RoutewijzerApp extends HTMLElement {
  async connectedCallback() {
    if (this.instance || this.starting) return;
    this.starting = true;
    try {
      this.instance = await mount(this, optionsFrom(this));
    } catch (error) {
      // A wrong attribute is named in the page, as text, instead of leaving an empty box.
      console.error(error);
      const message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.textContent = String(error.message ?? error);
      (this.shadowRoot ?? this.attachShadow({ mode: 'open' })).replaceChildren(message);
    } finally {
      this.starting = false;
    }
  }

  disconnectedCallback() {
    this.instance?.destroy();
    this.instance = undefined;
  }
}

if (!customElements.get('routewijzer-app')) customElements.define('routewijzer-app', RoutewijzerApp);
