// Starts the stand-alone app. External (not inline) so that the page works under
// script-src 'self' 'wasm-unsafe-eval'.
const root = document.getElementById('app');
// The host pages allowed to drive this page in an iframe (docs/embedding.md); empty = none.
const allowed = (document.querySelector('meta[name="routewijzer-parent-origins"]')?.content ?? '')
  .split(/\s+/).filter(Boolean);

/** Replaces the page's content with a message, as text. */
function say(text) {
  const message = document.createElement('p');
  message.className = 'rw-panic';
  message.setAttribute('role', 'alert');
  message.textContent = text;
  root.replaceChildren(message);
}

/**
 * The origin of an ancestor page that may not frame this one, or undefined. A fallback for a
 * server without `frame-ancestors` (docs/hosting.md): same-origin and listed hosts only.
 * Chromium and Safari name every ancestor; elsewhere the parent is known by its referrer,
 * and a parent that sends none is refused.
 */
function strangerFraming() {
  if (window.top === window) return undefined;
  const ok = (origin) => origin === location.origin || allowed.includes(origin);
  if (location.ancestorOrigins) return [...location.ancestorOrigins].find((origin) => !ok(origin));
  let parent = 'null';
  try {
    parent = document.referrer ? new URL(document.referrer).origin : parent;
  } catch { /* no usable referrer */ }
  return ok(parent) ? undefined : parent;
}

const stranger = strangerFraming();
if (stranger !== undefined) {
  // Nothing of the app runs (no clickjacking on its buttons, no storage read).
  say(`Routewijzer draait niet ingesloten in ${stranger}. Open Routewijzer rechtstreeks op ${location.origin}.`);
} else {
  try {
    // Imported here, not above: a loader the browser refuses (integrity) is then said below.
    const { start } = await import('./loader.js');
    const app = await start(root, { fragment: true, parentOrigins: allowed });
    // For `make bench`: the Wasm memory size, read from the element, not a global.
    root.routewijzerWasmBytes = app.memoryBytes;
  } catch (error) {
    // The Wasm module could not even start: say so in the page instead of leaving it dead.
    console.error(error);
    say('Routewijzer kon niet starten. Gebruik een recente browser en herlaad de pagina.');
  }
}
