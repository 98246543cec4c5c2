// The test and `make serve` server (scripts/serve.py) serves only the site's files (issue 22,
// item 11): never a dotfile (`/.git/config`), a directory listing or the repository's build
// and source folders, while the app itself loads as before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, openWatchedPage, repoRoot } from './harness.mjs';

/** The status of GET `path`, sent exactly as written (no URL normalisation of `..`). */
function status(base, path) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', reject);
    req.end();
  });
}

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('the repository serves the page and its files, and nothing else', async () => {
  const server = await startServer();
  try {
    for (const path of ['/', '/index.html', '/www/main.js', '/www/style.css', '/pkg/routewijzer_start.js', '/data/rules.json', '/data/geo/water.bin']) {
      assert.equal(await status(server.url, path), 200, path);
    }
    const refused = [
      '/.git/config', '/.git/HEAD', '/.gitignore', '/target/', '/target/debug/routewijzer', '/src/lib.rs',
      '/Cargo.toml', '/Cargo.lock', '/tests/e2e/harness.mjs', '/scripts/serve.py', '/data/catalogue.json',
      '/data/geo/meta.tsv', '/data/geo/source/gemeenten.geojson',
      '/www/', '/pkg/', '/data/', '/www/../.git/config', '/www/%2e%2e/Cargo.toml', '/%2e%2e/%2e%2e/etc/passwd',
      '/.%67it/config',
    ];
    for (const path of refused) assert.equal(await status(server.url, path), 404, path);
    // The app loads from what is served.
    const { page, problems } = await openWatchedPage(browser, server.url);
    await page.waitForSelector('svg.rw-map path.rw-gemeente');
    assert.deepEqual(await problems(), []);
    await page.close();
  } finally {
    server.stop();
  }
});

test('a bundle folder is served whole, less dotfiles and listings', async () => {
  const bundles = readdirSync(join(repoRoot, 'dist')).filter((d) => d.startsWith('routewijzer-'));
  const copy = mkdtempSync(join(tmpdir(), 'rw-serve-'));
  cpSync(join(repoRoot, 'dist', bundles[0]), copy, { recursive: true });
  writeFileSync(join(copy, '.env'), 'SECRET=1\n');
  mkdirSync(join(copy, '.git'));
  writeFileSync(join(copy, '.git', 'config'), '[core]\n');
  assert.ok(existsSync(join(copy, 'manifest.json')));
  const server = await startServer(copy);
  try {
    for (const path of ['/', '/index.html', '/embed.js', '/manifest.json', '/NOTICE']) {
      assert.equal(await status(server.url, path), 200, path);
    }
    for (const path of ['/.env', '/.git/config', '/assets/', '/assets']) {
      assert.equal(await status(server.url, path), 404, path);
    }
  } finally {
    server.stop();
  }
});
