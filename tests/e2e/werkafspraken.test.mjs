// Werkafspraken (issue 20): the Brabant-Noord agreement lists the Maashorst combination gap,
// the veiligheidsregio's advice without verzoeknotificatie and the provincie's Brzo split,
// each example opening in the explainer with the same answer; an edited text survives a
// reload; the ODT download is read back with a real ODF parser (odfpy); the Markdown and
// the agreement file download and open again; a bad file changes nothing; the print view
// is A4 portrait (screenshot); axe with best-practice finds nothing, in Dutch and English.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { useAppPage, outputDir, repoRoot } from './harness.mjs';

let page;
let problems;
const app = useAppPage();
before(async () => ({ page, problems } = await app.ready));

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core with WCAG 2.1 A/AA and best-practice rules, on the Werkafspraken view. */
async function axeAll() {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}x: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
  });
}

const tab = (name) => page.click(`.rw-views a:text-is("${name}")`);
const gap = (kind, text) => page.locator(`.rw-wa-gap[data-kind="${kind}"]`, { hasText: text }).first();

/** Opens a gap's examples (a closed <details> after the first gap) and clicks one. */
async function openExample(g, gemeente) {
  const details = g.locator('details.rw-wa-examples');
  if (!(await details.getAttribute('open') !== null)) await details.locator('summary').click();
  await g.locator(`button.rw-wa-open[data-gemeente="${gemeente}"]`).click();
}

async function openView() {
  await tab('Werkafspraken');
  await page.waitForSelector('.rw-wa-gap');
  await page.waitForFunction(() => /gaten gevonden|gaps found/.test(document.querySelector('.rw-wa-progress')?.textContent ?? ''));
}

test('Brabant-Noord: the three gaps of the issue, each with an example that opens with the same answer', async () => {
  await openView();
  assert.match(await page.textContent('.rw-wa-part'), /Veiligheidsregio Brabant-Noord/);
  // (a) Maashorst: omgevingsplanactiviteit bouwwerk + milieubelastende activiteit.
  const a = gap('meervoudig-gemist', 'Milieubelastende activiteit');
  assert.match(await a.textContent(), /Maashorst/);
  const maashorst = a.locator('button.rw-wa-open[data-gemeente="GM1991"]');
  const said = await maashorst.locator('xpath=..').textContent();
  assert.match(said, /Omgevingsdienst Brabant Noord krijgt niets/);
  await openExample(a, 'GM1991');
  await page.waitForSelector('.rw-main:not([hidden]) .rw-verzoek');
  assert.match(await page.textContent('.rw-location-card'), /Maashorst \(GM1991\)/);
  assert.equal(await page.locator('.rw-verzoek').count(), 1, 'one meervoudige aanvraag');
  assert.equal(await page.locator('.rw-verzoek .rw-bd').getAttribute('data-id'), null, 'no behandeldienst');
  assert.match(await page.textContent('.rw-verzoek .rw-missed'), /Omgevingsdienst Brabant Noord/);

  // (b) The veiligheidsregio on brandveilig gebruik.
  await openView();
  const b = gap('geen-notificatie', 'Brandveilig gebruik bouwwerk');
  assert.match(await b.locator('h4').textContent(), /Veiligheidsregio Brabant-Noord/);
  await openExample(b, 'GM0828');
  await page.waitForSelector('.rw-main:not([hidden]) .rw-verzoek');
  assert.match(await page.textContent('.rw-location-card'), /Oss \(GM0828\)/);
  assert.match(await page.textContent('.rw-verzoek'), /Veiligheidsregio Brabant-Noord/);
  assert.equal(await page.textContent('.rw-total-number'), '1', 'only the gemeente gets a verzoeknotificatie');

  // (c) The provincie's Brzo split: a Seveso case in Oss goes to ODBN, not OMWB.
  await openView();
  const c = gap('inhoud', 'Seveso');
  assert.match(await c.locator('h4').textContent(), /Omgevingsdienst Midden- en West-Brabant/);
  await openExample(c, 'GM0828');
  await page.waitForSelector('.rw-main:not([hidden]) .rw-verzoek');
  assert.equal(await page.locator('.rw-verzoek .rw-bd').getAttribute('data-id'), 'ODBN');
  assert.match(await page.textContent('.rw-verzoek'), /Gedeputeerde Staten van Noord-Brabant/);
  assert.deepEqual(await problems(), []);
});

test('an edited text, a status and a tick survive a reload', async () => {
  await openView();
  const first = page.locator('.rw-wa-gap').first();
  const id = await first.getAttribute('data-gap');
  await first.locator('textarea.rw-wa-text').fill('Gemeente & ODBN <spreken> af: "binnen 2 werkdagen".');
  await first.locator('select.rw-wa-status').selectOption('geaccepteerd-risico');
  const box = page.locator('.rw-wa-checklist[data-org="ODBN"] input[data-item="digikoppeling"]');
  await box.check();
  await page.reload();
  // the URL names the view (#/werkafspraken): the page opens on it again
  assert.match(page.url(), /#\/werkafspraken$/);
  await openView();
  const again = page.locator(`.rw-wa-gap[data-gap="${id}"]`);
  assert.equal(await again.locator('textarea.rw-wa-text').inputValue(), 'Gemeente & ODBN <spreken> af: "binnen 2 werkdagen".');
  assert.equal(await again.locator('select.rw-wa-status').inputValue(), 'geaccepteerd-risico');
  assert.ok(await page.locator('.rw-wa-checklist[data-org="ODBN"] input[data-item="digikoppeling"]').isChecked());
});

test('the ODT download opens in a real ODF reader with the agreed text; Markdown and the agreement file too', async () => {
  await page.click('.rw-views button:text-is("Document (afdrukken, downloaden)")');
  await page.waitForSelector('.rw-wa-doc');
  const [odt] = await Promise.all([page.waitForEvent('download'), page.click('button:text-is("Download ODT")')]);
  assert.equal(odt.suggestedFilename(), 'werkafspraken-veiligheidsregio-VR21.odt');
  const odtPath = join(outputDir, 'werkafspraken-brabant-noord.odt');
  copyFileSync(await odt.path(), odtPath);
  const read = JSON.parse(execFileSync('python3', [join(repoRoot, 'tests', 'odt_read.py'), odtPath], { encoding: 'utf8' }));
  assert.match(read.title, /Werkafspraken DSO-routering Veiligheidsregio Brabant-Noord/);
  assert.ok(read.paragraphs.some((p) => p.includes('Gemeente & ODBN <spreken> af: "binnen 2 werkdagen".')), 'the edited text, escaped and read back');
  assert.ok(read.headings.some((h) => /Maashorst|Milieubelastende activiteit/.test(h)));
  assert.ok(read.paragraphs.some((p) => p.includes('☑ Digikoppeling-aansluiting werkt')));
  assert.ok(read.tables >= 2, 'the division and the matrix');

  const [md] = await Promise.all([page.waitForEvent('download'), page.click('button:text-is("Download Markdown")')]);
  const markdown = readFileSync(await md.path(), 'utf8');
  assert.match(markdown, /^# Werkafspraken DSO-routering/);
  assert.match(markdown, /Gemeente &amp; ODBN &lt;spreken&gt; af/);
  writeFileSync(join(outputDir, 'werkafspraken-brabant-noord.md'), markdown);

  const [saved] = await Promise.all([page.waitForEvent('download'), page.click('button:text-is("Werkafspraak opslaan als bestand")')]);
  const file = readFileSync(await saved.path(), 'utf8');
  assert.equal(JSON.parse(file).format, 'routewijzer-werkafspraken/1');

  // A bad file changes nothing and says why; the saved file opens again.
  const bad = join(outputDir, 'werkafspraken-bad.json');
  writeFileSync(bad, file.replace('"afspraken"', '"afspraken": {}, "afspraken"'));
  await page.setInputFiles('#rw-wa-open', bad);
  await page.waitForSelector('.rw-werkafspraken .rw-notice');
  assert.match(await page.textContent('.rw-werkafspraken .rw-notice'), /werkafspraken-bad\.json: .*afspraken.*De huidige werkafspraak blijft staan/);
  const good = join(outputDir, 'werkafspraken-saved.json');
  writeFileSync(good, file.replace('"titel": ""', '"titel": "Geopend uit een bestand"'));
  await page.setInputFiles('#rw-wa-open', good);
  await page.waitForFunction(() => document.querySelector('#rw-wa-doc-title')?.textContent === 'Geopend uit een bestand');
  assert.match(await page.textContent('.rw-wa-doc'), /Gemeente & ODBN <spreken> af/);
});

test('the print view: A4 portrait, no controls, the agreement with its appendices', async () => {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  assert.equal(await page.locator('.rw-header').isVisible(), false);
  assert.equal(await page.locator('.rw-wa-actions').isVisible(), false);
  assert.match(await page.textContent('.rw-wa-doc'), /Bijlage A\. Aansluiten/);
  assert.match(await page.textContent('.rw-wa-doc'), /Bijlage B\. Matrix/);
  await page.screenshot({ path: join(outputDir, 'werkafspraken-print.png') });
  await page.screenshot({ path: join(outputDir, 'werkafspraken-print-full.png'), fullPage: true });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  writeFileSync(join(outputDir, 'werkafspraken-print.pdf'), pdf);
  // Chromium writes each page's size in points: A4 portrait is 595 × 842.
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]/g)];
  assert.ok(boxes.length >= 2, 'several pages');
  for (const [, w, h] of boxes) assert.deepEqual([Math.round(w), Math.round(h)], [595, 842]);
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('accessible: axe with best-practice finds nothing in Dutch or English; keyboard reaches the examples', async () => {
  await page.click('.rw-views button:text-is("Opstellen")');
  await page.waitForSelector('.rw-wa-gap');
  assert.deepEqual(await axeAll(), []);
  await page.click('button.rw-lang');
  await page.waitForSelector('.rw-views button:text-is("Draft")');
  assert.deepEqual(await axeAll(), []);
  await page.click('.rw-views button:text-is("Document (print, download)")');
  await page.waitForSelector('.rw-wa-doc');
  assert.match(await page.textContent('.rw-wa-doc'), /Appendix A\. Connecting/);
  assert.deepEqual(await axeAll(), []);
  await page.click('.rw-views button:text-is("Draft")');
  await page.click('button.rw-lang');
  // By keyboard: focus an example's button and press Enter.
  await page.waitForSelector('.rw-wa-gap');
  await page.focus('.rw-wa-gap button.rw-wa-open');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.rw-main:not([hidden]) .rw-verzoek');
  assert.deepEqual(await problems(), []);
});
