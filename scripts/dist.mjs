// Makes dist/routewijzer-<version>/: a self-contained static folder with content-hashed
// file names and Subresource Integrity, for any static web server (docs/hosting.md).
// Expects a fresh `make build`. Fails loudly if a file it rewrites has changed shape.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// Minifiers for the release bundle, installed from npm by scripts/dist.sh (scripts/package.json).
import { minify as minifyJs } from 'terser';
import { minify as minifyCss } from 'csso';
import { sortKeys } from './wasm-order.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path) => readFileSync(join(root, path));
const cargoVersion = /^version = "([^"]+)"/m.exec(read('Cargo.toml').toString())[1];
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short=10', 'HEAD'], { cwd: root }).toString().trim();
} catch { /* not a git checkout: the version alone names the bundle */ }
const version = `${cargoVersion}+${commit}`;
const outDir = join(root, 'dist', `routewijzer-${cargoVersion}`);
const assets = join(outDir, 'assets');

const sri = (data) => `sha384-${createHash('sha384').update(data).digest('base64')}`;
const hashed = (name, data) => {
  const hash = createHash('sha256').update(data).digest('hex').slice(0, 12);
  return name.replace(/\.(\w+)$/, `.${hash}.$1`);
};
function replaceOnce(text, from, to, what) {
  if (!text.includes(from)) throw new Error(`dist: ${what}: '${from}' not found; update scripts/dist.mjs`);
  return text.replace(from, to);
}

// One bundle at a time: an old version left beside the new one would be served by mistake.
rmSync(join(root, 'dist'), { recursive: true, force: true });
mkdirSync(assets, { recursive: true });
const manifest = { version, files: {} };
const emit = (name, data) => {
  const file = hashed(name, data);
  writeFileSync(join(assets, file), data);
  manifest.files[name] = { file: `assets/${file}`, integrity: sri(data), bytes: data.length };
  return manifest.files[name];
};

/** JavaScript modules and stylesheets are minified: about 4 KB gzip less to load. */
const minJs = async (text) => Buffer.from((await minifyJs(text, { module: true, compress: true, mangle: true })).code);
const minCss = (data) => Buffer.from(minifyCss(data.toString()).css);

/**
 * The wasm with identical functions merged, five local passes, and the functions in an order
 * that gzips better: binaryen's wasm-opt (npm, scripts/package.json), 1.1, 2.2 and 3.2 KB gzip
 * less for the start build. The order comes from `wasm-order.mjs` as names, which
 * `--strip-debug` removes again. The optimizing pipelines (`-Oz`, `-Os`) and some single
 * passes (`--coalesce-locals`, `--local-cse`, `--simplify-locals`) make the gzipped file
 * larger (docs/performance.md, "Tried").
 */
const shrink = (name) => {
  const dir = mkdtempSync(join(tmpdir(), 'rw-dist-'));
  try {
    writeFileSync(join(dir, 'in.wasm'), sortKeys(read(`pkg/${name}_bg.wasm`)));
    execFileSync(join(root, 'scripts', 'node_modules', '.bin', 'wasm-opt'), [
      // rustc 1.95's wasm32 features (spec/toolchain.md 3.2): wasm-opt validates against them.
      '--enable-bulk-memory', '--enable-bulk-memory-opt', '--enable-reference-types', '--enable-nontrapping-float-to-int',
      '--enable-sign-ext', '--enable-mutable-globals', '--enable-multivalue', '--enable-call-indirect-overlong',
      // Local rewrites that shorten the code and leave it alike (each measured: "Tried").
      '--duplicate-function-elimination', '--remove-unused-brs', '--optimize-instructions',
      '--remove-unused-module-elements', '--vacuum', '--reorder-locals',
      '--reorder-functions-by-name', '--strip-debug',
      join(dir, 'in.wasm'), '-o', join(dir, 'out.wasm'),
    ]);
    return readFileSync(join(dir, 'out.wasm'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

// Leaves first: each parent embeds its children's hashed names, so a change anywhere
// changes every name above it.
/** A wasm-bindgen build (glue + wasm); the glue fetches its wasm with an integrity check. */
const build = async (name) => {
  const wasm = emit(`${name}_bg.wasm`, shrink(name));
  return emit(`${name}.js`, await minJs(replaceOnce(
    read(`pkg/${name}.js`).toString(),
    `new URL('${name}_bg.wasm', import.meta.url)`,
    `fetch(new URL('${wasm.file.replace('assets/', '')}', import.meta.url), { integrity: '${wasm.integrity}' })`,
    `wasm-bindgen glue ${name}`,
  )));
};
const startGlue = await build('routewijzer_start');
const fullGlue = await build('routewijzer');
const viewsCss = emit('views.css', minCss(read('www/views.css')));
const rulesJson = emit('rules.json', read('data/rules.json'));
const englishJson = emit('findings-en.json', read('data/findings/en.json'));
const waterBin = emit('water.bin', read('data/geo/water.bin'));
let loaderText = replaceOnce(read('www/loader.js').toString(), "'../pkg/routewijzer_start.js'",
  `'./${startGlue.file.replace('assets/', '')}'`, 'www/loader.js start import');
// Each file the loader fetches: its URL becomes the hashed name, its integrity constant the hash.
for (const [url, constant, file, what] of [
  ['../pkg/routewijzer.js', 'FULL_INTEGRITY', fullGlue, 'full build'],
  ['./views.css', 'VIEWS_CSS_INTEGRITY', viewsCss, 'views.css'],
  ['../data/rules.json', 'RULES_INTEGRITY', rulesJson, 'rules.json'],
  ['../data/findings/en.json', 'ENGLISH_INTEGRITY', englishJson, 'findings en.json'],
  ['../data/geo/water.bin', 'WATER_INTEGRITY', waterBin, 'water.bin'],
]) {
  loaderText = replaceOnce(loaderText, `new URL('${url}', import.meta.url)`,
    `new URL('./${file.file.replace('assets/', '')}', import.meta.url)`, `www/loader.js ${what}`);
  loaderText = replaceOnce(loaderText, `const ${constant} = ''`,
    `const ${constant} = '${file.integrity}'`, `www/loader.js ${what} integrity`);
}
const loader = emit('loader.js', await minJs(loaderText));
const main = emit('main.js', await minJs(replaceOnce(
  read('www/main.js').toString(),
  "'./loader.js'",
  `'./${loader.file.replace('assets/', '')}'`,
  'www/main.js',
)));
const glue = startGlue;
const css = emit('style.css', minCss(read('www/style.css')));
// The embedding module (docs/embedding.md) keeps a fixed name, so host pages can link it
// across versions; the files it loads are hashed.
let embed = replaceOnce(read('www/embed.js').toString(), "new URL('./loader.js', import.meta.url)",
  `new URL('./${loader.file}', import.meta.url)`, 'www/embed.js loader');
embed = replaceOnce(embed, 'const CHECKED = [];', `const CHECKED = ${JSON.stringify(
  [loader, glue].map(({ file, integrity }) => [`./${file}`, integrity]))};`, 'www/embed.js integrity');
embed = replaceOnce(embed, "new URL('./style.css', import.meta.url)",
  `new URL('./${css.file}', import.meta.url)`, 'www/embed.js stylesheet');
embed = (await minJs(embed)).toString();
writeFileSync(join(outDir, 'embed.js'), embed);
manifest.files['embed.js'] = { file: 'embed.js', integrity: sri(Buffer.from(embed)), bytes: embed.length };

let html = read('index.html').toString();
html = replaceOnce(html, '<link rel="stylesheet" href="www/style.css">',
  `<link rel="stylesheet" href="${css.file}" integrity="${css.integrity}">`, 'index.html stylesheet');
const startWasm = manifest.files['routewijzer_start_bg.wasm'];
for (const [from, to] of [
  ['<link rel="modulepreload" href="www/loader.js">',
    `<link rel="modulepreload" href="${loader.file}" integrity="${loader.integrity}">`],
  ['<link rel="modulepreload" href="pkg/routewijzer_start.js">',
    `<link rel="modulepreload" href="${glue.file}" integrity="${glue.integrity}">`],
  ['<link rel="preload" href="pkg/routewijzer_start_bg.wasm" as="fetch" type="application/wasm" crossorigin>',
    `<link rel="preload" href="${startWasm.file}" as="fetch" type="application/wasm" crossorigin>`],
  ['<script type="module" src="www/main.js"></script>',
    `<script type="module" src="${main.file}" integrity="${main.integrity}"></script>`],
]) html = replaceOnce(html, from, to, 'index.html');
html = replaceOnce(html, '<meta name="description"', `<meta name="generator" content="Routewijzer ${version}">\n  <meta name="description"`, 'index.html meta');
writeFileSync(join(outDir, 'index.html'), html);

for (const doc of ['LICENSE', 'NOTICE']) if (existsSync(join(root, doc))) copyFileSync(join(root, doc), join(outDir, doc));
writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
console.log(`dist: ${outDir} (${version})`);
for (const [name, { file, bytes }] of Object.entries(manifest.files)) console.log(`  ${name.padEnd(22)} → ${file} (${bytes} B)`);
