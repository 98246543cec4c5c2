// Starts the stand-alone app. External (not inline) so that the page works under
// script-src 'self' 'wasm-unsafe-eval'.
import { start } from './loader.js';

const root = document.getElementById('app');
try {
  // The host pages allowed to drive this page in an iframe (docs/embedding.md); empty = none.
  const allowed = document.querySelector('meta[name="routewijzer-parent-origins"]')?.content ?? '';
  const app = await start(root, { fragment: true, parentOrigins: allowed.split(/\s+/).filter(Boolean) });
  // For `make bench`: the Wasm memory size, read from the element, not a global.
  root.routewijzerWasmBytes = app.memoryBytes;
} catch (error) {
  // The Wasm module could not even start: say so in the page instead of leaving it dead.
  console.error(error);
  const message = document.createElement('p');
  message.className = 'rw-panic';
  message.setAttribute('role', 'alert');
  message.textContent = 'Routewijzer kon niet starten. Gebruik een recente browser en herlaad de pagina.';
  root.replaceChildren(message);
}
