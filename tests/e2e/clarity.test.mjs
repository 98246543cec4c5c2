// Issue 18, clarity at a glance: the main task by keyboard alone (presses counted), the
// gemeente search as an APG combobox, the summary in view at every width while the user
// works, the picture's text never below 14 px, the glossary from a term's first use.
// Screenshots in tests/output/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useServerAndBrowser, openWatchedPage, axeViolations, outputDir } from './harness.mjs';

const env = useServerAndBrowser();

/** A fresh page (nothing stored) at `width` × `height`. */
async function fresh(width = 1280, height = 800, hash = '') {
  const { page, problems } = await openWatchedPage(env.browser, env.server.url);
  // the app saves what it opened on its first render: clear after that, not before
  await page.waitForSelector('svg.rw-map path.rw-gemeente');
  await page.evaluate(() => localStorage.clear());
  await page.setViewportSize({ width, height });
  await page.goto(`${env.server.url}${hash}`);
  await page.waitForSelector('svg.rw-map path.rw-gemeente');
  return { page, problems };
}

/** A keyboard that counts every key press, typed characters included. */
function countingKeyboard(page) {
  const keys = { count: 0 };
  keys.press = async (key) => { keys.count += 1; await page.keyboard.press(key); };
  keys.type = async (text) => { for (const ch of text) await keys.press(ch); };
  return keys;
}

const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return e ? (e.id || e.className || e.tagName) : null;
});

const firstHit = (page, id) => page.waitForFunction((id) => document.querySelector('.rw-add')?.dataset.activity === id, id);

test('the main task by keyboard alone: Oss, a melding for a milieubelastende activiteit, a Bouwactiviteit, the total — in at most 25 presses', async () => {
  const { page, problems } = await fresh();
  const keys = countingKeyboard(page);
  // The first skip link leads to the gemeente search.
  await keys.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /Naar locatie kiezen/);
  await keys.press('Enter');
  assert.equal(await focused(page), 'rw-gemeente-search');
  await keys.type('oss');
  await keys.press('Enter'); // the first hit is active: Enter chooses it
  await page.waitForFunction(() => /Oss \(GM0828\)/.test(document.querySelector('.rw-location-card').textContent));
  assert.equal(await focused(page), 'rw-gemeente-search', 'focus stays in the search');
  // To the activity search: past the coordinates field and its button.
  await keys.press('Tab');
  await keys.press('Tab');
  await keys.press('Tab');
  assert.equal(await focused(page), 'rw-activity-filter');
  await keys.type('mil');
  await firstHit(page, 'milieubelastende-activiteit'); // the list follows the typing (a loaded machine is slow)
  await keys.press('Enter'); // adds the first hit
  await page.waitForSelector('.rw-chosen[data-activity="milieubelastende-activiteit"]');
  assert.equal(await focused(page), 'rw-verzoektype-0', 'focus goes to the new activity\'s verzoektype');
  await keys.press('ArrowDown'); // aanvraag vergunning → melding
  await page.waitForFunction(() => document.querySelector('#rw-verzoektype-0').value === 'melding');
  // Back to the activity search: past the four questions about the activity (IPPC, IPPC
  // for intensive livestock, Seveso, defence site).
  for (let i = 0; i < 5; i++) await keys.press('Tab');
  assert.equal(await focused(page), 'rw-activity-filter');
  await keys.type('bouwa'); // the field's text was selected on focus: this replaces it
  await firstHit(page, 'bouwactiviteit-technisch');
  await keys.press('Enter');
  await page.waitForSelector('.rw-chosen[data-activity="bouwactiviteit-technisch"]');
  assert.equal(await focused(page), 'rw-verzoektype-1');
  // The total is in view and was announced (the live region exists from the start).
  const total = page.locator('.rw-summary .rw-total');
  await page.waitForFunction(() => document.querySelector('.rw-total-number')?.textContent === '3');
  assert.equal(await total.getAttribute('aria-live'), 'polite');
  assert.match(await total.textContent(), /^3 verzoeknotificaties · 2 verzoeken · behandeldienst: Omgevingsdienst Brabant Noord$/);
  assert.ok(await total.isVisible());
  console.log(`main task by keyboard: ${keys.count} key presses (the audit counted 58 Tab presses)`);
  assert.ok(keys.count <= 25, `${keys.count} presses`);
  await page.screenshot({ path: join(outputDir, 'clarity-keyboard-1280.png') });
  assert.deepEqual(await problems(), []);
  await page.close();
});

test('the gemeente search is a WAI-ARIA combobox: arrows move, Enter chooses, Escape closes and clears', async () => {
  const { page, problems } = await fresh();
  const input = page.locator('#rw-gemeente-search');
  assert.equal(await input.getAttribute('role'), 'combobox');
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#rw-gemeente-hits').getAttribute('role'), 'listbox');
  await input.focus();
  await page.keyboard.type('bo');
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  const active = () => input.getAttribute('aria-activedescendant');
  assert.equal(await active(), 'rw-hit-0', 'the first hit is active');
  await page.keyboard.press('ArrowDown');
  assert.equal(await active(), 'rw-hit-1');
  assert.equal(await page.locator('#rw-hit-1').getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  const count = await page.locator('.rw-hit').count();
  assert.equal(await active(), `rw-hit-${count - 1}`, 'Up from the first wraps to the last');
  assert.match(await page.textContent('#rw-gemeente-status'), new RegExp(`^${count} gemeenten gevonden$`));
  await page.keyboard.press('Escape');
  assert.equal(await input.getAttribute('aria-expanded'), 'false', 'Escape closes the list');
  assert.equal(await input.inputValue(), 'bo');
  await page.keyboard.press('Escape');
  assert.equal(await input.inputValue(), '', 'a second Escape clears the field');
  await page.keyboard.type('uden');
  const label = await page.textContent('#rw-hit-0');
  assert.match(label, /Uden \(voormalige gemeente, nu Maashorst\)/);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /Maashorst \(GM1991\)/.test(document.querySelector('.rw-location-card').textContent));
  assert.equal(await input.inputValue(), 'Maashorst');
  assert.equal(await focused(page), 'rw-gemeente-search');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await problems(), []);
  await page.close();
});

const scenario = { location: { gemeente: 'GM0828' }, configuration: 'voorbeeld-noord-brabant',
  activities: [{ activity: 'milieubelastende-activiteit', verzoektype: 'melding' }, { activity: 'bouwactiviteit-technisch', verzoektype: 'aanvraag-vergunning' }] };
const link = `#scenario=${encodeURIComponent(JSON.stringify(scenario))}`;

/** The smallest computed font size of any text in the pictures of who gets what. */
const smallestFlowText = (page) => page.evaluate(() => {
  let smallest = Infinity;
  for (const flow of document.querySelectorAll('.rw-flow')) {
    const walker = document.createTreeWalker(flow, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const box = node.parentElement;
      if (!node.textContent.trim() || box.closest('.rw-sr, details:not([open]) > :not(summary)')) continue;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(box).fontSize));
    }
  }
  return smallest;
});

/** True when the summary's whole box is inside the viewport. */
const summaryInView = (page) => page.evaluate(() => {
  const r = document.querySelector('.rw-summary').getBoundingClientRect();
  return r.top >= 0 && r.bottom <= innerHeight && r.width > 0;
});

for (const [width, height] of [[320, 700], [390, 844], [1280, 800], [1920, 1080]]) {
  test(`at ${width} px the summary stays in view while the user chooses, and the picture's text is at least 14 px`, async () => {
    const { page, problems } = await fresh(width, height, link);
    await page.waitForSelector('.rw-verzoek');
    // Where the user works: the activity list.
    await page.locator('.rw-add[data-activity="kappen"]').scrollIntoViewIfNeeded();
    assert.ok(await summaryInView(page), 'the summary is in view at the activity list');
    await page.screenshot({ path: join(outputDir, `clarity-${width}-activities.png`) });
    await page.locator('.rw-chosen').first().scrollIntoViewIfNeeded();
    assert.ok(await summaryInView(page), 'the summary is in view at the chosen activities');
    // Opening a finding never pushes the total out of view.
    await page.locator('.rw-finding summary').first().click();
    await page.locator('.rw-finding details[open]').first().scrollIntoViewIfNeeded();
    assert.ok(await summaryInView(page), 'the summary is in view with a finding open');
    const smallest = await smallestFlowText(page);
    console.log(`${width} px: the picture's smallest text is ${smallest} px`);
    assert.ok(smallest >= 14, `${smallest} px`);
    await page.locator('.rw-verzoek').last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(outputDir, `clarity-${width}-picture.png`) });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling');
    assert.deepEqual(await problems(), []);
    await page.close();
  });
}

test('200 % zoom (640 CSS px at twice the density): the summary is a bar near the activity list', async () => {
  const context = await env.browser.browser().newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(`${env.server.url}${link}`);
  await page.waitForSelector('.rw-verzoek');
  await page.locator('.rw-add[data-activity="kappen"]').scrollIntoViewIfNeeded();
  assert.ok(await summaryInView(page));
  await page.screenshot({ path: join(outputDir, 'clarity-zoom200-activities.png') });
  await context.close();
});

test('focus is never hidden under the summary bar on a phone', async () => {
  const { page } = await fresh(390, 844, link);
  await page.waitForSelector('.rw-verzoek');
  await page.focus('#rw-activity-filter');
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const hidden = await page.evaluate(() => {
      const f = document.activeElement.getBoundingClientRect();
      const bar = document.querySelector('.rw-summary').getBoundingClientRect();
      const covered = f.top >= bar.top && f.bottom <= bar.bottom;
      return covered && !document.querySelector('.rw-summary').contains(document.activeElement);
    });
    assert.equal(hidden, false, `tab stop ${i + 1} is under the summary`);
  }
  await page.close();
});

test('the result is announced: the live region is there before the first result', async () => {
  const { page } = await fresh();
  const total = page.locator('.rw-summary [aria-live="polite"]');
  assert.equal(await total.count(), 1);
  assert.match(await total.textContent(), /Nog geen uitkomst/);
  await page.fill('#rw-gemeente-search', 'oss');
  await page.keyboard.press('Enter');
  await page.click('.rw-add[data-activity="kappen"]');
  await page.waitForFunction(() => /verzoeknotificatie/.test(document.querySelector('.rw-summary [aria-live]').textContent));
  assert.match(await total.textContent(), /^1 verzoeknotificatie · 1 verzoek · geen behandeldienst$/);
  await page.close();
});

test('skip links and the glossary: a term\'s first use opens its explanation', async () => {
  const { page } = await fresh();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /Naar activiteiten kiezen/);
  assert.ok(await page.evaluate(() => document.activeElement.getBoundingClientRect().top >= 0), 'visible on focus');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'rw-activity-filter');
  await page.click('.rw-lead a.rw-term:text-is("verzoeknotificaties")');
  assert.equal(await page.locator('#rw-begrippen').getAttribute('open'), '');
  assert.equal(await focused(page), 'rw-term-verzoeknotificatie');
  assert.match(await page.textContent('#rw-term-verzoeknotificatie + dd'), /in de presentatie van 2020 heette het een trigger/);
  assert.match(page.url(), /#scenario=/, 'the URL is the scenario\'s, not the glossary\'s');
  await page.close();
});
