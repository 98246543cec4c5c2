// Starts an instance with the small start build (the explainer only) and switches it to the
// full build the first time a user opens another view: the first page load fetches only what
// the first screen needs (docs/performance.md). Used by main.js and embed.js.
import initStart, { mount as mountStart } from '../pkg/routewijzer_start.js';

const FULL = '../pkg/routewijzer.js';
let started;
let full;

/** Mounts into `root`; resolves to { destroy(), memoryBytes() }. Rejects on a bad option. */
export async function start(root, options = {}) {
  started ??= initStart();
  const startWasm = await started;
  let wasm = startWasm;
  let handle = mountStart(root, options);
  const upgrade = async (event) => {
    // The start build hands over the view to open and its scenario (nothing is lost, even
    // for an instance that stores nothing).
    const { view, scenario } = event.detail ?? {};
    try {
      full ??= import(FULL).then(async (module) => ({ module, wasm: await module.default() }));
      const loaded = await full;
      handle.destroy();
      handle = loaded.module.mount(root, { ...options, view, scenario });
      wasm = loaded.wasm;
      root.removeEventListener('routewijzer-upgrade', upgrade);
    } catch (error) {
      // Offline or a refused file: the explainer keeps running and says the view is loading.
      console.error(error);
    }
  };
  root.addEventListener('routewijzer-upgrade', upgrade);
  return {
    destroy: () => handle.destroy(),
    memoryBytes: () => wasm.memory.buffer.byteLength,
  };
}
