// The JavaScript API and the command line answer every routing fixture identically:
// the same outcome object, or the same one-line error.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './harness.mjs';

const fixtureDir = join(repoRoot, 'tests', 'fixtures', 'routing');
const cli = join(repoRoot, 'target', 'debug', 'routewijzer');
let explain;

before(async () => {
  const glue = await import(join(repoRoot, 'pkg', 'routewijzer.js'));
  await glue.default({ module_or_path: readFileSync(join(repoRoot, 'pkg', 'routewijzer_bg.wasm')) });
  explain = glue.explain;
});

function runCli(file) {
  const run = spawnSync(cli, ['route', file], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.trim() };
}

function explainJs(text) {
  try {
    return { ok: explain(JSON.parse(text)) };
  } catch (error) {
    return { error };
  }
}

const fixtures = existsSync(fixtureDir)
  ? readdirSync(fixtureDir).filter((f) => f.endsWith('.scenario.json')).sort()
  : [];

test('there are routing fixtures to compare, and the CLI is built', () => {
  assert.ok(fixtures.length >= 10, `only ${fixtures.length} fixtures in ${fixtureDir}`);
  assert.ok(existsSync(cli), `${cli} missing: run cargo build --bin routewijzer`);
});

for (const name of fixtures) {
  test(`JS API = CLI: ${name}`, () => {
    const file = join(fixtureDir, name);
    const text = readFileSync(file, 'utf8');
    const fromCli = runCli(file);
    let parsed;
    try { parsed = JSON.parse(text); } catch { parsed = undefined; }
    if (parsed === undefined) {
      // Not JSON at all: the JS caller cannot even build the object; the CLI must refuse.
      assert.equal(fromCli.status, 2);
      return;
    }
    if (name.startsWith('err-dubbele-sleutel')) {
      // A key twice in one object: a JavaScript object cannot hold that (JSON.parse kept the
      // last), so only the text readers see it; the CLI must refuse and name it.
      assert.equal(fromCli.status, 2);
      assert.match(fromCli.stderr, /^[\w.[\]]+: dubbele sleutel/);
      return;
    }
    const fromJs = explainJs(text);
    if (fromCli.status === 0) {
      assert.ok(fromJs.ok, `JS threw: ${fromJs.error?.message}`);
      assert.deepEqual(fromJs.ok, JSON.parse(fromCli.stdout));
    } else {
      assert.equal(fromCli.status, 2, `CLI exit status for a bad scenario`);
      assert.ok(fromJs.error instanceof Error, 'JS must throw an Error');
      assert.equal(fromJs.error.message, fromCli.stderr);
      assert.ok(!fromCli.stderr.includes('\n'), 'one-line error');
    }
  });
}
