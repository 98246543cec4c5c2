// Shared set-up for the end-to-end tests: a local server with the app's CSP, and the
// system Chromium driven by playwright-core (no browser download).
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, '..', '..');
export const outputDir = join(repoRoot, 'tests', 'output');
mkdirSync(outputDir, { recursive: true });

/**
 * Starts scripts/serve.py on a free port, serving `dir` under the strict CSP header;
 * resolves to { url, stop }. `frameAncestors` names who may frame its pages, `frameSrc`
 * what they may frame.
 */
export function startServer(dir = repoRoot, { frameAncestors, frameSrc } = {}) {
  const extra = [
    ...(frameAncestors ? ['--frame-ancestors', frameAncestors] : []),
    ...(frameSrc ? ['--frame-src', frameSrc] : []),
  ];
  return new Promise((resolve, reject) => {
    const server = spawn('python3', [join(repoRoot, 'scripts', 'serve.py'), '--port', '0', '--dir', dir, ...extra], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    server.on('error', reject);
    server.stdout.setEncoding('utf8');
    server.stdout.on('data', (chunk) => {
      const match = chunk.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (match) resolve({ url: match[0], stop: () => server.kill() });
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

export async function launchBrowser() {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'rw-chromium-')), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * Opens a page that records every console error, page error, CSP violation and request
 * leaving the app's origin. `problems()` returns them all.
 */
export async function openWatchedPage(context, url) {
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(url).origin;
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('request', (req) => {
    const target = req.url();
    if (!target.startsWith('data:') && new URL(target).origin !== origin) problems.push(`foreign request: ${target}`);
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url);
  return {
    page,
    async problems() {
      const csp = await page.evaluate(() => window.__cspViolations);
      return [...problems, ...csp.map((v) => `csp: ${v}`)];
    },
  };
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.0, 2.1 A and AA, 2.2 AA, and best practices) in the page, or only
 * in the `include` selectors (axe context, e.g. [['#app']]); returns the violations.
 */
export async function axeViolations(page, include) {
  // evaluate() runs through the DevTools protocol, so the page's CSP does not block it.
  await page.evaluate(axeSource);
  return page.evaluate(async (include) => {
    const result = await window.axe.run(include ? { include } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}x: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
  }, include);
}

/**
 * Starts a server and the browser before a test file's tests and stops both after them.
 * Returns an object whose `server` and `browser` are set once the tests run.
 */
export function useServerAndBrowser() {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return env;
}

/**
 * One app page for a whole test file: server, browser and a watched page with the map
 * drawn. The returned object gets `page`, `problems`, `server` and `browser`; await its
 * `ready` in a `before` hook.
 */
export function useAppPage({ viewport } = {}) {
  const env = {};
  // `ready` exists from the start, so a test file's own `before` can await it: node:test
  // does not finish one top-level hook before starting the next.
  let started;
  env.ready = new Promise((resolve, reject) => { started = { resolve, reject }; });
  before(async () => {
    try {
      env.server = await startServer();
      env.browser = await launchBrowser();
      Object.assign(env, await openWatchedPage(env.browser, env.server.url));
      if (viewport) await env.page.setViewportSize(viewport);
      await env.page.waitForSelector('svg.rw-map path.rw-gemeente');
      started.resolve(env);
    } catch (error) {
      started.reject(error);
      throw error;
    }
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return env;
}

/** Opens a view by its link in the header. */
export async function openView(page, id) {
  await page.click(`.rw-views a[data-view="${id}"]`);
}

/** Switches to the other language and waits until the page says it is in `lang`. */
export async function switchLanguage(page, lang) {
  await page.click('.rw-lang');
  await page.waitForFunction((l) => document.documentElement.lang === l || document.querySelector('.rw-app')?.lang === l, lang);
}

/**
 * Text on the page that is for developers, not users: repository paths, script names,
 * timings, internal ids of options and findings. Returns the offending snippets.
 */
export async function developerDetails(page) {
  const text = await page.evaluate(() => document.querySelector('.rw-app')?.innerText ?? '');
  const patterns = [
    /scripts\//, /\b[\w-]+\.(py|rs|mjs|sh)\b/, /\bsrc\//, /\bdata\/[\w/-]+\.json\b/, /Gegenereerd door/, // paths, scripts
    /\b\d+ ?ms\b/, /Rekentijd|Computed in/, // timings
    /\b(all-same|any-single|first-activity):/, /· bd-[a-z]+/, /\b1 triggers\b|trigger\(s\)/, // ids as labels
  ];
  return patterns.flatMap((p) => (text.match(new RegExp(p.source, 'g')) ?? []));
}

/** Clicks a gemeente's representative point on the map, as a person would. */
export async function clickGemeente(page, id) {
  const point = await page.evaluate((gm) => {
    const path = document.querySelector(`svg.rw-map path[data-id="${gm}"]`);
    const svg = path.ownerSVGElement;
    const p = svg.createSVGPoint();
    p.x = Number(path.dataset.x);
    p.y = Number(path.dataset.y);
    const screen = p.matrixTransform(svg.getScreenCTM());
    return { x: screen.x, y: screen.y };
  }, id);
  await page.mouse.click(point.x, point.y);
}
