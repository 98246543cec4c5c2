// The server of `make bench`: serves a folder (the release bundle, a baseline page) as a
// production host should, gzip-compressed (level 9, as scripts/sizes.mjs counts it) and under
// the CSP of scripts/serve.py, which it reads from there so the two cannot drift apart.
// Like serve.py: no dotfiles, no listings, `Cache-Control: no-cache` with revalidation (here
// by ETag), so repeated loads see what a returning visitor sees. Bench-only: the app's own
// server (make serve, the e2e tests) is scripts/serve.py.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, sep } from 'node:path';
import { repoRoot } from '../tests/e2e/harness.mjs';

/** The CSP string of scripts/serve.py (docs/hosting.md), with frame-ancestors 'self'. */
function servePolicy() {
  const source = readFileSync(join(repoRoot, 'scripts', 'serve.py'), 'utf8');
  const block = /^CSP = \(\n((?:\s+"[^"\n]*"\n)+)\)/m.exec(source);
  if (!block) throw new Error('bench-server: the CSP of scripts/serve.py not found; update scripts/bench-server.mjs');
  const policy = [...block[1].matchAll(/"([^"]*)"/g)].map((m) => m[1]).join('');
  return `${policy}; frame-ancestors 'self'`;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
};

/** Starts serving `dir` on a free port of 127.0.0.1; resolves to { url, stop }. */
export function startGzipServer(dir) {
  const csp = servePolicy();
  const cache = new Map(); // path → { body, gzip, etag, mtime }: compressed once per file
  const load = (path) => {
    const { mtimeMs } = statSync(path);
    const known = cache.get(path);
    if (known && known.mtime === mtimeMs) return known;
    const body = readFileSync(path);
    const entry = {
      body, gzip: gzipSync(body, { level: 9 }), mtime: mtimeMs,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    };
    cache.set(path, entry);
    return entry;
  };
  const server = createServer((req, res) => {
    const send = (status, headers = {}, body) => {
      res.writeHead(status, { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    let path;
    try {
      const name = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      path = normalize(join(dir, name.endsWith('/') ? `${name}index.html` : name));
    } catch {
      return send(400);
    }
    const relative = path.slice(dir.length);
    if (!path.startsWith(dir) || relative.split(sep).some((part) => part.startsWith('.'))) return send(404);
    let file;
    try {
      if (!statSync(path).isFile()) return send(404);
      file = load(path);
    } catch {
      return send(404);
    }
    const common = { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', ETag: file.etag, Vary: 'Accept-Encoding' };
    if (req.headers['if-none-match'] === file.etag) return send(304, common);
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? file.gzip : file.body;
    send(200, { ...common, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}), 'Content-Length': body.length }, body);
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({
      url: `http://127.0.0.1:${server.address().port}/`,
      stop: () => { server.close(); server.closeAllConnections(); },
    }));
  });
}
