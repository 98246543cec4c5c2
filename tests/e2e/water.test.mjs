// The large waters (issue 22, item 9) in the start build: a point in the IJsselmeer is
// placed in Enkhuizen after the water areas are fetched, once and only then; a link to a
// lozing in rijkswater there opens and goes to the minister; the open sea is still refused.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useAppPage } from './harness.mjs';

let page;
let problems;
const app = useAppPage();
const fetched = [];
const fullBuild = [];
before(async () => {
  ({ page, problems } = await app.ready);
  page.on('request', (r) => {
    if (r.url().includes('water')) fetched.push(r.url());
    if (r.url().includes('routewijzer_bg')) fullBuild.push(r.url());
  });
});

const card = () => page.textContent('.rw-location-card');

async function typeCoordinates(text) {
  await page.fill('#rw-coordinates', text);
  await page.click('#rw-coordinates ~ button');
}

test('a point in the IJsselmeer lies in Enkhuizen, after one fetch of the water areas', async () => {
  assert.deepEqual(fetched, [], 'not part of the first load');
  await typeCoordinates('52.75, 5.35');
  await page.waitForFunction(() => /Enkhuizen \(GM0388\)/.test(document.querySelector('.rw-location-card')?.textContent ?? ''));
  assert.match(await card(), /Hollands Noorderkwartier/);
  assert.equal(fetched.length, 1);
  assert.equal(await page.locator('.rw-notice').count(), 0, 'no complaint left behind');
  // the Markermeer next: no second fetch
  await typeCoordinates('52.5, 5.25');
  await page.waitForFunction(() => /Lelystad \(GM0995\)/.test(document.querySelector('.rw-location-card')?.textContent ?? ''));
  assert.equal(fetched.length, 1);
  assert.deepEqual(fullBuild, [], 'the start build placed it');
});

test('the open sea is still refused and the location stays', async () => {
  const before = await card();
  await typeCoordinates('52.5, 3.5');
  await page.waitForSelector('.rw-notice');
  assert.match(await page.textContent('.rw-notice'), /buiten elke Nederlandse gemeente/);
  assert.equal(await card(), before);
  assert.deepEqual(await problems(), []);
});

test('a link to a lozing in rijkswater in the IJsselmeer opens and goes to the minister', async () => {
  const other = await app.browser.newPage();
  const scenario = { location: { lon: 5.35, lat: 52.75 },
    activities: [{ activity: 'wateractiviteit-lozen', verzoektype: 'aanvraag-vergunning', flags: ['rijkswater'] }] };
  await other.goto(`${app.server.url}#scenario=${encodeURIComponent(JSON.stringify(scenario))}`);
  await other.waitForSelector('.rw-verzoek');
  assert.match(await other.textContent('.rw-location-card'), /Enkhuizen \(GM0388\)/);
  assert.match(await other.textContent('.rw-verzoek'), /Minister van Infrastructuur en Waterstaat/);
  assert.equal(await other.textContent('.rw-total-number'), '1');
  assert.equal(await other.locator('.rw-notice').count(), 0, 'the waiting message is gone');
  await other.close();
});

test('water areas that cannot load are said; the location stays', async () => {
  const other = await app.browser.newPage();
  await other.route('**/water*.bin', (route) => route.abort());
  await other.goto(`${app.server.url}#scenario=${encodeURIComponent(JSON.stringify({ location: { gemeente: 'GM0828' } }))}`);
  await other.waitForFunction(() => /Oss \(GM0828\)/.test(document.querySelector('.rw-location-card')?.textContent ?? ''));
  await other.fill('#rw-coordinates', '52.75, 5.35');
  await other.click('#rw-coordinates ~ button');
  await other.waitForSelector('.rw-notice');
  assert.match(await other.textContent('.rw-notice'), /waterkaart .* kon niet laden/);
  assert.match(await other.textContent('.rw-location-card'), /Oss \(GM0828\)/);
  await other.close();
});
