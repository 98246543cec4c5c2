import init, { mount } from './pkg/rw_map.js';
globalThis.__wasm = await init();
mount(document.getElementById('app'));
