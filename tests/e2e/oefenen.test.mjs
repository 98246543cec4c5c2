// Oefenen end to end: open the training view, answer the first casus wrongly and see the
// wrong parts marked with the right answer shown, answer the next one correctly, reload and
// find the progress kept; a broken casus file gives a message and loses no progress; axe.
// The right answers are read from the app's own reveal (never typed in here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useServerAndBrowser, openWatchedPage, axeViolations, outputDir, openView, switchLanguage } from './harness.mjs';

const env = useServerAndBrowser();
const KEY = 'routewijzer.v1.oefenen';

async function openOefenen(page) {
  await page.waitForSelector('h1');
  await openView(page, 'oefenen');
  await page.waitForSelector('.rw-oef-form');
}

/** The correct answers as the reveal shows them, one per question. */
async function shownAnswers(page) {
  const marks = await page.locator('.rw-oef-mark').allTextContents();
  return marks.map((m) => m.match(/juist: (.*)$/)[1].trim());
}

async function fill(page, answers) {
  const questions = page.locator('.rw-oef-question');
  for (let i = 0; i < answers.length; i++) {
    const q = questions.nth(i);
    const a = answers[i];
    if (await q.locator('select').count()) {
      await q.locator('select').selectOption({ label: a === 'geen' ? 'geen behandeldienst' : a });
    } else if (await q.locator('input[type=number]').count()) {
      await q.locator('input[type=number]').fill(a);
    } else {
      const names = a === 'niemand' ? [] : a.split(', ');
      for (const n of names) await q.getByLabel(n, { exact: true }).check();
    }
  }
}

test('answer wrongly, then rightly; progress survives a reload; a broken file keeps it', async () => {
  const { page, problems } = await openWatchedPage(env.browser, env.server.url);
  await page.evaluate((k) => localStorage.removeItem(k), KEY);
  await page.reload();
  await openOefenen(page);
  assert.match(await page.textContent('#rw-h-casus'), /^Casus 1: /);

  // Casus 1, wrongly: the bevoegd gezag is the provincie, behandeldienst none, 0 triggers.
  const first = page.locator('.rw-oef-question');
  await first.nth(0).locator('select').selectOption({ label: 'Provincie Noord-Brabant' });
  await first.nth(1).locator('select').selectOption('-');
  await first.nth(2).locator('input').fill('0');
  await page.getByRole('button', { name: 'Toon de uitkomst' }).click();
  await page.waitForSelector('.rw-oef-reveal');
  // Focus goes to the outcome, which shows who gets what as the explainer does.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'rw-h-oef-reveal');
  assert.ok(await page.locator('.rw-oef-reveal .rw-flow-arrow').count() >= 1, 'the picture of who gets what');
  const wrong = page.locator('.rw-oef-wrong');
  assert.ok(await wrong.count() >= 2, 'wrong parts are marked');
  const wrongText = await wrong.first().textContent();
  assert.match(wrongText, /✘\s*Fout — uw antwoord: .*; juist: Gemeente Oss/);
  assert.match(await page.textContent('.rw-oef-explanation'), /College van B&W van Oss/);
  assert.ok(await page.locator('.rw-oef-rules li').count() >= 1, 'rules and sources shown');
  await page.screenshot({ path: join(outputDir, 'oefenen-wrong.png'), fullPage: true });

  // Casus 2: reveal once to read the right answers, try again, answer them.
  await page.getByRole('button', { name: 'Volgende casus' }).click();
  assert.match(await page.textContent('#rw-h-casus'), /^Casus 2: /);
  await page.getByRole('button', { name: 'Toon de uitkomst' }).click();
  const right = await shownAnswers(page);
  await page.getByRole('button', { name: 'Opnieuw' }).click();
  await fill(page, right);
  await page.getByRole('button', { name: 'Toon de uitkomst' }).click();
  await page.waitForSelector('.rw-oef-reveal');
  assert.equal(await page.locator('.rw-oef-wrong').count(), 0);
  assert.equal(await page.locator('.rw-oef-right').count(), right.length);
  assert.match(await page.textContent('#rw-h-oef-reveal'), new RegExp(`${right.length} / ${right.length}`));
  assert.deepEqual(await axeViolations(page), []);

  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.equal(stored.version, 1);
  const done = stored.done['dso-routering-basis'];
  assert.ok(done['oss-melding'].right < done['oss-melding'].total);
  assert.equal(done['oss-melding-en-bouw'].right, done['oss-melding-en-bouw'].total);

  // Reload: the progress is still there and the path starts at the first casus not done.
  await page.reload();
  await openOefenen(page);
  const path = await page.textContent('.rw-oef-path');
  assert.match(path, /Een melding in Oss — \d\/4 goed/);
  assert.match(path, new RegExp(`— ${right.length}/${right.length} goed`));
  assert.match(await page.textContent('#rw-h-casus'), /^Casus 3: /);

  // A broken casus file: one clear message, progress and casus kept.
  await page.setInputFiles('#rw-oef-open', {
    name: 'kapot.json', mimeType: 'application/json',
    buffer: Buffer.from('{"format": "routewijzer-casus/1", "id": "x", "title": "t", "story": "s", "vraag": 1}'),
  });
  await page.waitForSelector('.rw-oefenen .rw-notice');
  assert.match(await page.textContent('.rw-oefenen .rw-notice'), /kapot\.json: vraag: onbekend veld/);
  assert.match(await page.textContent('#rw-h-casus'), /^Casus 3: /);
  assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY)).version, 1);
  assert.deepEqual(await problems(), []);
  await page.close();
});

test('corrupt or future-version progress is set aside with a message, never lost', async () => {
  for (const [bad, why] of [['{nee', /beschadigd/], ['{"version": 99, "done": {}}', /andere versie/]]) {
    const { page, problems } = await openWatchedPage(env.browser, env.server.url);
    await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [KEY, bad]);
    await page.reload();
    await openOefenen(page);
    const notice = await page.textContent('.rw-oefenen .rw-notice');
    assert.match(notice, why);
    assert.match(notice, new RegExp(`bewaard onder '${KEY}.beschadigd.1'`));
    assert.equal(await page.evaluate((k) => localStorage.getItem(`${k}.beschadigd.1`), KEY), bad);
    assert.match(await page.textContent('#rw-h-casus'), /^Casus 1: /);
    assert.deepEqual(await problems(), []);
    await page.close();
  }
});

/** The projector's measure: full screen, body text size, and whether the step fits. */
const projector = (page) => page.evaluate(() => {
  const section = document.querySelector('.rw-oefenen');
  const story = document.querySelector('.rw-oef-story');
  return {
    fullscreen: document.fullscreenElement === section,
    width: section.getBoundingClientRect().width,
    body: parseFloat(getComputedStyle(story).fontSize),
    fits: section.scrollHeight <= innerHeight,
  };
});

test('presentation mode: full screen, full width, 32 px text, one step per screen; keyboard next and previous; axe clean', async () => {
  const { page, problems } = await openWatchedPage(env.browser, env.server.url);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.evaluate((k) => localStorage.removeItem(k), KEY);
  await page.reload();
  await openOefenen(page);
  await page.getByRole('button', { name: 'Presentatiemodus' }).click();
  assert.equal(await page.locator('section.rw-oefenen.rw-oef-present').count(), 1);
  await page.waitForFunction(() => document.fullscreenElement !== null);
  await page.locator('.rw-oef-story').click();
  // One step at a time: the story alone, then the questions, then the outcome; each fits.
  const step = () => page.textContent('.rw-oef-step');
  assert.match(await step(), /Stap 1 van 3/);
  assert.equal(await page.locator('form.rw-oef-form').isHidden(), true, 'questions wait');
  const first = await projector(page);
  console.log(`presentation mode at 1920×1080: body text ${first.body} px`);
  assert.ok(first.body >= 32, `body text ${first.body} px`);
  assert.deepEqual({ ...first, body: undefined }, { fullscreen: true, width: 1920, body: undefined, fits: true });
  await page.screenshot({ path: join(outputDir, 'oefenen-presentatie-1-verhaal.png') });
  await page.keyboard.press('PageDown');
  assert.match(await step(), /Stap 2 van 3/);
  assert.equal(await page.locator('form.rw-oef-form').isVisible(), true);
  await page.screenshot({ path: join(outputDir, 'oefenen-presentatie-2-vragen.png') });
  assert.equal((await projector(page)).fits, true, 'the questions fit on one screen');
  await page.keyboard.press('PageDown');
  assert.match(await step(), /Stap 3 van 3/);
  await page.locator('.rw-oef-reveal').waitFor();
  assert.ok(await page.locator('.rw-oef-reveal .rw-flow-arrow').count() >= 1, 'the picture of who gets what');
  await page.screenshot({ path: join(outputDir, 'oefenen-presentatie-3-uitkomst.png') });
  assert.equal((await projector(page)).fits, true, 'the outcome fits on one screen');
  await page.keyboard.press('PageUp');
  assert.match(await step(), /Stap 2 van 3/, 'back from the outcome to the questions');
  assert.equal(await page.locator('.rw-oef-reveal').count(), 0);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('ArrowRight');
  assert.match(await page.textContent('#rw-h-casus'), /^Casus 2: /);
  assert.match(await step(), /Stap 1 van 3/);
  await page.getByRole('button', { name: 'Volgende stap →' }).click();
  assert.match(await step(), /Stap 2 van 3/, 'the on-screen buttons step as well');
  assert.equal((await projector(page)).fits, true, 'casus 2\'s questions fit on one screen');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.match(await page.textContent('#rw-h-casus'), /^Casus 1: /);
  // The outcome shown above counts as done; the next tests start from a clean path.
  await page.evaluate((k) => localStorage.removeItem(k), KEY);
  assert.deepEqual(await axeViolations(page), []);
  // Leaving full screen (Escape, or the button) ends presentation mode.
  await page.getByRole('button', { name: 'Presentatie sluiten' }).click();
  await page.waitForFunction(() => document.fullscreenElement === null);
  assert.equal(await page.locator('section.rw-oef-present').count(), 0);
  assert.deepEqual(await problems(), []);
  await page.close();
});

test('a casus opens from a link; a broken link gives a message and the bundled leerpad', async () => {
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'data', 'oefenen', '08-heusden.json'), 'utf8');
  const title = JSON.parse(text).title;
  const { page, problems } = await openWatchedPage(env.browser, `${env.server.url}#casus=${encodeURIComponent(text)}`);
  await page.waitForSelector('.rw-oef-form');
  assert.equal(await page.textContent('#rw-h-casus'), `Casus 1: ${title}`);
  assert.equal(await page.locator('.rw-oef-path li').count(), 1);
  await page.goto('about:blank');
  await page.goto(`${env.server.url}#casus=${encodeURIComponent(text.replace('"story"', '"verhaal"'))}`);
  await page.waitForSelector('.rw-oefenen .rw-notice');
  assert.match(await page.textContent('.rw-oefenen .rw-notice'), /De link bevat geen geldige casus: link: verhaal: onbekend veld/);
  assert.match(await page.textContent('#rw-h-casus'), /^Casus 1: Een melding in Oss/);
  assert.deepEqual(await problems(), []);
  await page.close();
});

test('a trainer turns the explainer scenario into a casus and downloads it', async () => {
  const { readFileSync } = await import('node:fs');
  const scenario = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'routing', 'heusden-od-vr-verschil.scenario.json'), 'utf8');
  const { page, problems } = await openWatchedPage(env.browser, `${env.server.url}#scenario=${encodeURIComponent(scenario)}`);
  await openOefenen(page);
  await page.locator('.rw-oef-trainer summary').click();
  await page.fill('#rw-oef-title', 'Heusden voor de cursus');
  await page.fill('#rw-oef-story', 'Een metaalbedrijf in Heusden meldt zich.');
  await page.getByRole('button', { name: 'Maak casus van de verklaarder' }).click();
  assert.equal(await page.textContent('#rw-h-casus'), 'Casus 1: Heusden voor de cursus');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download deze casus' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'heusden-voor-de-cursus.json');
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(file.format, 'routewijzer-casus/1');
  assert.ok(file.topics.includes('od-vr-verschil'));
  // The whole leerpad as one file, which opens again on its own.
  const [whole] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download het hele leerpad (één bestand)' }).click(),
  ]);
  const leerpad = JSON.parse(readFileSync(await whole.path(), 'utf8'));
  assert.equal(leerpad.format, 'routewijzer-leerpad/1');
  assert.ok(leerpad.casussen.every((c) => c.format === 'routewijzer-casus/1'));
  await page.setInputFiles('#rw-oef-open', await whole.path());
  await page.waitForFunction(() => !document.querySelector('.rw-oefenen .rw-notice'));
  assert.equal(await page.locator('.rw-oef-path li').count(), leerpad.casussen.length);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await problems(), []);
  await page.close();
});

test('a trainer opens a whole leerpad (leerpad file + casus files); a missing casus file is named', async () => {
  const { readFileSync } = await import('node:fs');
  const dir = join(import.meta.dirname, '..', '..', 'data', 'oefenen');
  const file = (name, text = readFileSync(join(dir, name), 'utf8')) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const leerpad = JSON.stringify({ format: 'routewijzer-leerpad/1', id: 'mijn-pad', title: 'Mijn pad', casussen: ['08-heusden.json', '11-grondwater-magneet.json'] });
  const { page, problems } = await openWatchedPage(env.browser, env.server.url);
  await openOefenen(page);
  await page.setInputFiles('#rw-oef-open', [file('pad.json', leerpad), file('08-heusden.json'), file('11-grondwater-magneet.json')]);
  await page.waitForFunction(() => document.querySelector('#rw-h-oefenen')?.textContent === 'Mijn pad');
  assert.equal(await page.locator('.rw-oef-path li').count(), 2);
  await page.setInputFiles('#rw-oef-open', [file('pad.json', leerpad), file('08-heusden.json')]);
  await page.waitForSelector('.rw-oefenen .rw-notice');
  assert.match(await page.textContent('.rw-oefenen .rw-notice'), /pad\.json: casussen\[1\]: casusbestand '11-grondwater-magneet\.json' niet gevonden/);
  assert.equal(await page.locator('.rw-oef-path li').count(), 2, 'the opened leerpad stays');
  assert.deepEqual(await problems(), []);
  await page.close();
});

test('in English the casus reads in English; axe in English, with the outcome shown', async () => {
  const { page, problems } = await openWatchedPage(env.browser, env.server.url);
  await page.evaluate((k) => localStorage.removeItem(k), KEY);
  await page.reload();
  await openOefenen(page);
  await switchLanguage(page, 'en');
  assert.equal(await page.textContent('#rw-h-casus'), 'Casus 1: A melding in Oss');
  assert.match(await page.textContent('.rw-oef-story'), /car repair business in Oss/);
  assert.equal(await page.title(), 'Training – Routewijzer');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Reveal the outcome' }).click();
  await page.waitForSelector('.rw-oef-reveal');
  assert.match(await page.textContent('.rw-oef-reveal h3'), /^Outcome: /);
  assert.deepEqual(await axeViolations(page), []);
  await page.evaluate((k) => localStorage.removeItem(k), KEY);
  await switchLanguage(page, 'nl');
  assert.equal(await page.textContent('#rw-h-casus'), 'Casus 1: Een melding in Oss');
  assert.deepEqual(await problems(), []);
  await page.close();
});
