import init, { mount } from './pkg/rw_hello.js';
globalThis.__wasm = await init();
mount(document.getElementById('app'));
