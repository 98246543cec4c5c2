// The explainer as a user meets it: place Oss on the map, add two activities, read the
// outcome and who gets what; switch an assumption; share the URL; open a broken file;
// the language that sticks. Screenshots included.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useAppPage, clickGemeente as clickGemeenteOn, axeViolations, outputDir, openView, switchLanguage, developerDetails, launchBrowser, openWatchedPage } from './harness.mjs';

let page;
let problems;
const app = useAppPage({ viewport: { width: 1280, height: 800 } });
before(async () => ({ page, problems } = await app.ready));

const withFinding = { location: { gemeente: 'GM0828' }, configuration: 'voorbeeld-noord-brabant',
  activities: [{ activity: 'milieubelastende-activiteit', verzoektype: 'melding' }] };

test('the rules file loads only when a finding is opened, once', async () => {
  const other = await app.browser.newPage();
  const fetched = [];
  other.on('request', (r) => { if (r.url().includes('rules')) fetched.push(r.url()); });
  await other.goto(`${app.server.url}#scenario=${encodeURIComponent(JSON.stringify(withFinding))}`);
  const finding = other.locator('.rw-finding[data-code="bd-copy"]');
  await finding.waitFor();
  assert.deepEqual(fetched, [], 'not part of the first load');
  // The rule's code and certainty are behind "Bron en zekerheid" (issue 18), not in the summary.
  assert.equal(await finding.locator('summary').textContent(), 'Bron en zekerheid');
  await finding.locator('summary').click();
  await finding.locator('.rw-sources').waitFor();
  assert.match(await finding.locator('.rw-rule-id').textContent(), /^Regel T3$/);
  assert.match(await finding.textContent(), /Zekerheid: indirect gedocumenteerd \[D-ind\]/);
  // The rule in Dutch; each source with publisher, title, date and its address as a link.
  assert.match(await finding.locator('details > p[lang="nl"]').textContent(), /krijgt het bevoegd gezag het STAM-bericht ook/);
  const source = finding.locator('.rw-sources li', { hasText: 'S11' });
  assert.match(await source.textContent(), /OpenWave-community: OpenWave-documentatie: verwerking van DSO STAM-berichten, 13 december 2023/);
  assert.match(await source.locator('a').getAttribute('href'), /^https:\/\/github\.com\/open-wave-community\/docs\/tree\/231e8ba/);
  await finding.locator('summary').click();
  await finding.locator('summary').click();
  assert.equal(fetched.length, 1, 'fetched once');
  // In English the rule reads in English; the sources keep their Dutch titles, marked so.
  await other.click('.rw-lang');
  assert.match(await finding.locator('details > p[lang="en"]').textContent(), /the bevoegd gezag also receives the STAM message/);
  assert.match(await finding.textContent(), /Certainty: indirectly documented \[D-ind\]/);
  // The finding itself is in English too (the engine's English sentences, fetched with the rules).
  await other.waitForFunction(() => /handles the verzoek/.test(document.querySelector('.rw-finding[data-code="bd-copy"] > p').textContent));
  assert.equal(await finding.locator('> p > span').getAttribute('lang'), null, 'not marked as Dutch');
  assert.equal(await finding.locator('.rw-sources li', { hasText: 'S11' }).locator('span').getAttribute('lang'), 'nl');
  await switchLanguage(other, 'nl'); // the choice is kept in this browser: leave it as found
  await other.close();
});

test('a rules file that cannot load is said in the finding; the outcome stays', async () => {
  const other = await app.browser.newPage();
  await other.route('**/rules.json', (route) => route.abort());
  await other.goto(`${app.server.url}#scenario=${encodeURIComponent(JSON.stringify(withFinding))}`);
  const finding = other.locator('.rw-finding[data-code="bd-copy"]');
  await finding.locator('summary').click();
  await other.waitForFunction(() => /konden niet laden/.test(document.querySelector('.rw-finding[data-code="bd-copy"] details').textContent));
  assert.match(await finding.textContent(), /Herlaad de pagina/);
  assert.equal(await other.locator('.rw-total-number').textContent(), '2');
  await other.close();
});

const clickGemeente = (id) => clickGemeenteOn(page, id);

async function addActivity(id, verzoektype) {
  await page.click(`.rw-add[data-activity="${id}"]`);
  if (verzoektype) {
    await page.locator(`.rw-chosen[data-activity="${id}"] select.rw-verzoektype`).last().selectOption(verzoektype);
  }
}

const total = () => page.textContent('.rw-total-number');

test('click Oss, add a melding MBA and a bouw aanvraag: 2 verzoeken, 3 verzoeknotificaties, who gets what', async () => {
  await clickGemeente('GM0828');
  await page.waitForSelector('.rw-location-card dd');
  assert.match(await page.textContent('.rw-location-card'), /Oss \(GM0828\)/);
  assert.match(await page.textContent('.rw-location-card'), /Omgevingsdienst Brabant Noord/);
  await addActivity('milieubelastende-activiteit', 'melding');
  await addActivity('bouwactiviteit-technisch', 'aanvraag-vergunning');
  await page.waitForSelector('.rw-verzoek');
  assert.equal(await page.locator('.rw-verzoek').count(), 2);
  assert.equal(await total(), '3');
  const melding = page.locator('.rw-verzoek[data-verzoektype="melding"]');
  assert.equal(await melding.locator('.rw-bg').getAttribute('data-id'), 'GM0828');
  assert.equal(await melding.locator('.rw-bd').getAttribute('data-id'), 'ODBN');
  assert.equal(await melding.locator('.rw-triggers').textContent(), '2');
  // Each finding links to its rule, with the source and the confidence mark.
  const copy = melding.locator('.rw-finding[data-code="bd-copy"]');
  await copy.locator('summary').click();
  await copy.locator('.rw-sources').waitFor(); // the start build fetches the rules' texts now
  assert.match(await copy.textContent(), /Regel T3.*\[D-ind\]/);
  assert.match(await copy.textContent(), /S11/);
  // The picture: one numbered arrow per verzoeknotificatie, the behandeldienst first, the
  // copy to the bevoegd gezag marked as the copy; names first, ids after them.
  const arrows = melding.locator('.rw-flow-arrow');
  assert.equal(await arrows.count(), 2);
  assert.match(await arrows.nth(0).textContent(), /^1.*Omgevingsdienst Brabant Noord \(ODBN\)behandeldienst: behandelt het verzoek$/);
  assert.match(await arrows.nth(1).textContent(), /^2.*College van B&W van Oss \(GM0828\)bevoegd gezag: beslist; krijgt een kopie$/);
  assert.equal(await melding.locator('.rw-flow-copy .rw-bg').getAttribute('data-id'), 'GM0828');
  assert.match(await melding.locator('.rw-flow-source').textContent(), /Omgevingsloket.*DSO-LV/);
  // The picture is the list: no second list of recipients beside it.
  assert.equal(await melding.locator('.rw-recipients').count(), 0);
  // The bouw aanvraag has no behandeldienst, and says why.
  const aanvraag = page.locator('.rw-verzoek[data-verzoektype="aanvraag-vergunning"]');
  assert.match(await aanvraag.locator('.rw-flow-nothing .rw-bd').textContent(), /krijgt geen behandeldienst: /);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(outputDir, 'explainer-1280x800.png') });
  assert.deepEqual(await problems(), []);
});

test('switching bd_merge changes who gets the Maashorst meervoudige aanvraag', async () => {
  for (let n = await page.locator('.rw-remove').count(); n > 0; n--) await page.locator('.rw-remove').first().click();
  await page.fill('#rw-gemeente-search', 'uden');
  await page.click('.rw-hit[data-id="GM1991"]');
  await addActivity('omgevingsplanactiviteit-bouwwerk');
  await addActivity('milieubelastende-activiteit', 'aanvraag-vergunning');
  await page.waitForSelector('.rw-verzoek');
  assert.equal(await page.locator('.rw-verzoek').count(), 1);
  assert.equal(await page.locator('.rw-verzoek .rw-bd').getAttribute('data-id'), null, 'all-same: no behandeldienst');
  assert.equal(await total(), '1');
  assert.match(await page.textContent('.rw-verzoek .rw-missed'), /Omgevingsdienst Brabant Noord \(ODBN\) — ingesteld als behandeldienst/);
  // The assumptions are radio groups, one sentence each; the undocumented one says so.
  assert.match(await page.textContent('.rw-assumptions'), /Niet gedocumenteerd: test dit in pre-productie/);
  await page.check('#rw-bd-merge-any-single');
  await page.waitForFunction(() => document.querySelector('.rw-total-number')?.textContent === '2');
  assert.equal(await page.locator('.rw-verzoek .rw-bd').getAttribute('data-id'), 'ODBN');
});

test('the URL carries the whole scenario into a new page', async () => {
  const url = page.url();
  assert.match(url, /#scenario=/);
  const other = await app.browser.newPage();
  await other.goto(url);
  await other.waitForSelector('.rw-verzoek');
  assert.equal(await other.textContent('.rw-total-number'), '2');
  assert.equal(await other.locator('.rw-verzoek .rw-bd').getAttribute('data-id'), 'ODBN');
  assert.equal(await other.isChecked('#rw-bd-merge-any-single'), true);
  await other.close();
});

test('a broken scenario file shows an error and keeps the current state', async () => {
  await page.setInputFiles('#rw-open', { name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from('{"activities": [') });
  const notice = page.locator('.rw-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /kapot\.json: .*regel 1/);
  assert.equal(await total(), '2', 'the outcome is unchanged');
  const wrongType = JSON.stringify({ location: { gemeente: 'GM0828' }, activities: [{ activity: 'sloopactiviteit', verzoektype: 'aanvraag-vergunning' }] });
  await page.setInputFiles('#rw-open', { name: 'fout.json', mimeType: 'application/json', buffer: Buffer.from(wrongType) });
  await page.waitForFunction(() => document.querySelector('.rw-notice')?.textContent.includes('fout.json'));
  assert.match(await notice.textContent(), /activities\[0\]\.verzoektype/);
  assert.equal(await total(), '2');
});

test('a valid scenario file replaces the state', async () => {
  const scenario = JSON.stringify({ location: { lon: 5.528, lat: 51.765 }, activities: [{ activity: 'milieubelastende-activiteit', verzoektype: 'melding' }], configuration: 'voorbeeld-noord-brabant' });
  await page.setInputFiles('#rw-open', { name: 'goed.json', mimeType: 'application/json', buffer: Buffer.from(scenario) });
  await page.waitForFunction(() => document.querySelector('.rw-total-number')?.textContent === '2' && document.querySelectorAll('.rw-verzoek').length === 1);
  assert.equal(await page.locator('.rw-verzoek .rw-bd').getAttribute('data-id'), 'ODBN');
  assert.equal(await page.locator('.rw-notice').count(), 0);
});

test('a tampered link shows a message and keeps the previous scenario', async () => {
  const tampered = await app.browser.newPage();
  await tampered.goto(`${app.server.url}#scenario=%7B%22activities%22%3A%5B%7B%22activity`);
  const notice = tampered.locator('.rw-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /link/);
  await tampered.waitForSelector('.rw-verzoek');
  assert.equal(await tampered.textContent('.rw-total-number'), '2', 'the scenario saved in this browser is kept');
  await tampered.close();
});

test('a point in Belgium or the sea is refused and the location stays', async () => {
  const before = await page.textContent('.rw-location-card');
  await page.fill('#rw-coordinates', '51.2, 4.4');
  await page.click('#rw-coordinates ~ button');
  await page.waitForSelector('.rw-notice');
  assert.match(await page.textContent('.rw-notice'), /buiten elke Nederlandse gemeente/);
  assert.equal(await page.textContent('.rw-location-card'), before);
  assert.equal(await total(), '2');
  await page.fill('#rw-coordinates', 'NaN, 5');
  await page.click('#rw-coordinates ~ button');
  await page.waitForFunction(() => document.querySelector('#rw-coordinates-error')?.textContent.length > 0);
  assert.equal(await page.textContent('.rw-location-card'), before);
});

test('reload keeps the state; English is chosen once and stays, across views and reloads', async () => {
  await page.reload();
  await page.waitForSelector('.rw-verzoek');
  assert.equal(await total(), '2');
  await switchLanguage(page, 'en');
  assert.match(await page.textContent('#rw-h-outcome'), /What the Omgevingsloket does/);
  assert.equal(await page.title(), 'Routewijzer – how the Omgevingsloket routes verzoeken');
  await page.reload();
  await page.waitForSelector('.rw-verzoek');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'kept across a reload');
  assert.equal(await page.textContent('.rw-lang'), 'Nederlands');
  // Another view (the full build loads) keeps it too.
  await openView(page, 'speelveld');
  await page.waitForSelector('.rw-speelveld');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.match(await page.textContent('#rw-sv-title'), /^Overview: /);
  assert.equal(await page.title(), 'Overview – Routewijzer');
  await openView(page, 'verklaren');
  await page.waitForSelector('.rw-main:not([hidden]) .rw-verzoek');
  await switchLanguage(page, 'nl');
});

test('views live in the URL: a view can be linked, Back returns, each has its own title and one main', async () => {
  await openView(page, 'configuratie');
  await page.waitForSelector('.rw-config');
  assert.match(page.url(), /#\/configuratie$/);
  assert.equal(await page.title(), 'Configuratie – Routewijzer');
  assert.equal(await page.locator('main').count(), 1);
  assert.equal(await page.locator('.rw-views a[aria-current="page"]').textContent(), 'Configuratie');
  // Focus goes to the new view's heading.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'rw-h-config');
  await page.goBack();
  await page.waitForSelector('.rw-main:not([hidden]) .rw-verzoek');
  assert.match(page.url(), /#scenario=/);
  assert.equal(await page.locator('.rw-views a[aria-current="page"]').textContent(), 'Verklaren');
  await page.goForward();
  await page.waitForSelector('.rw-config');
  // A link to a view opens it.
  const other = await app.browser.newPage();
  await other.goto(`${app.server.url}#/oefenen`);
  await other.waitForSelector('.rw-oef-casus');
  assert.equal(await other.title(), 'Oefenen – Routewijzer');
  await other.close();
  await openView(page, 'verklaren');
  await page.waitForSelector('.rw-main:not([hidden]) .rw-verzoek');
});

test('keyboard only: search a gemeente and place the map centre with Enter', async () => {
  await page.focus('svg.rw-map');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /\(GM\d{4}\)/.test(document.querySelector('.rw-location-card')?.textContent ?? ''));
});

test('axe-core finds no violations with an outcome on screen, findings open, in both languages; phone screenshot', async () => {
  await page.waitForSelector('.rw-verzoek');
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('.rw-finding summary').first().click();
  await page.locator('.rw-sources').first().waitFor();
  await page.click('.rw-glossary summary');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await developerDetails(page), []);
  await switchLanguage(page, 'en');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await developerDetails(page), []);
  await switchLanguage(page, 'nl');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(outputDir, 'explainer-390x844.png') });
  await page.locator('.rw-total').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(outputDir, 'explainer-390x844-outcome.png') });
  // WCAG 1.4.10 reflow: at 320 CSS pixels nothing needs horizontal scrolling, and every
  // view tab can be reached.
  await page.setViewportSize({ width: 320, height: 700 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    'the page scrolls sideways at 320 px');
  for (const tab of await page.locator('.rw-views a').all()) {
    const box = await tab.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 320, `${await tab.textContent()} is off screen`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.deepEqual(await problems(), []);
});

test('issue 17: the location card says afgeleid and tot 2026; the map names and colours all 26 omgevingsdiensten', async () => {
  // A browser of its own: nothing stored, no configuration named, so the explainer's
  // default, the whole country's example.
  const browser = await launchBrowser();
  const { page: other, problems: otherProblems } = await openWatchedPage(browser, app.server.url);
  await other.waitForSelector('#rw-configuration');
  assert.equal(await other.inputValue('#rw-configuration'), 'voorbeeld-nederland');
  const open = async (gemeente) => {
    const scenario = { location: { gemeente }, configuration: 'voorbeeld-nederland',
      activities: [{ activity: 'milieubelastende-activiteit', verzoektype: 'melding' }] };
    await other.goto(`${app.server.url}#scenario=${encodeURIComponent(JSON.stringify(scenario))}`);
    await other.waitForFunction((id) => document.querySelector('.rw-location-card')?.textContent.includes(`(${id})`), gemeente);
  };
  await open('GM0344');
  const od = other.locator('.rw-location-card .rw-od');
  assert.equal(await od.getAttribute('data-id'), 'ODU');
  assert.match(await od.textContent(), /^Omgevingsdienst Utrecht \(ODU\) · tot 2026: RUD Utrecht \(RUDU\)$/);
  assert.equal(await other.locator('.rw-location-card .rw-od-basis').count(), 0, 'a sourced row');
  assert.equal(await other.locator('.rw-verzoek .rw-bd').getAttribute('data-id'), 'ODU');
  assert.equal(await other.textContent('.rw-total-number'), '2');
  await open('GM1991');
  assert.match(await od.textContent(), /^Omgevingsdienst Brabant Noord \(ODBN\) · afgeleid: geen bron noemt deze gemeente/);
  assert.equal(await other.locator('.rw-location-card .rw-od-before').count(), 0);
  // The legend lists every omgevingsdienst by code and name; the code is on the map too.
  const legend = await other.locator('#rw-map-legend li[data-id]').evaluateAll((lis) => lis.map((li) => li.dataset.id));
  assert.equal(legend.length, 26);
  assert.ok(legend.includes('ODG') && legend.includes('ODGM') && legend.includes('DCMR'), legend.join(' '));
  const labels = await other.locator('svg.rw-map .rw-od-labels text').allTextContents();
  assert.deepEqual([...labels].sort(), [...legend].sort());
  // Bordering omgevingsdiensten have different fills (Oss: ODBN, Tilburg: OMWB), and the
  // legend's swatch is the area's fill.
  const fill = (id) => other.getAttribute(`svg.rw-map path[data-id="${id}"]`, 'fill');
  assert.notEqual(await fill('GM0828'), await fill('GM0855'), 'ODBN and OMWB border');
  assert.equal(await other.getAttribute('#rw-map-legend li[data-id="ODBN"] rect', 'fill'), await fill('GM0828'));
  assert.deepEqual(await axeViolations(other), []);
  await other.emulateMedia({ media: 'print' });
  assert.equal(await other.$eval('svg.rw-map .rw-od-labels', (g) => getComputedStyle(g).display), 'inline');
  await other.screenshot({ path: join(outputDir, 'explainer-omgevingsdiensten-print.png'), fullPage: true });
  await other.emulateMedia({ media: 'screen' });
  assert.deepEqual(await otherProblems(), []);
  await browser.close();
});
