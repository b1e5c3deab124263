// Issue 7, "Fit for daily work": a worker filters Te doen to the acute items of one gemeente and
// finds the melding registered today on the first screen, by its case number; searches a person by
// date of birth from the page header; Te doen has no sideways scroll on a phone; axe finds no WCAG
// 2.1 AA violations on Te doen and the search page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startBrowser, login, accessibilityViolations } from './harness.js';

let server;
let browser;

before(async () => {
  // A fifth of the region's year ending today: Te doen holds a working week's items (more than
  // one page), so today's melding has to be found among them.
  server = await startServer(['--scale', '0.2']);
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function submit(page, buttonName) {
  await Promise.all([page.waitForLoadState('domcontentloaded'), page.getByRole('button', { name: buttonName }).click()]);
  const error = page.locator('.alert--error');
  if (await error.count()) {
    throw new Error(`${buttonName}: ${await error.first().innerText()}`);
  }
}

test('a worker finds today\'s acute melding in Te doen and a person by date of birth', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const vt = await context.newPage();
  await login(vt, server.base, 'vt.medewerker');

  // Register a melding today, in Venlo, and read it as acute.
  await vt.getByRole('link', { name: 'Nieuw advies of melding' }).click();
  await vt.getByLabel('Soort melder').selectOption('justitie_en_veiligheid');
  await vt.getByLabel('Organisatie melder').fill('Politie Limburg');
  await vt.locator('#b0-rol').selectOption('kind_in_gezin');
  await vt.locator('#b0-naam').fill('Noor Vandaag');
  await vt.locator('#b0-gd').fill('2017-11-29');
  await vt.locator('#b0-gem').selectOption('Venlo');
  await vt.locator('#b1-rol').selectOption('pleger');
  await vt.locator('#b1-naam').fill('Piet Vandaag');
  await vt.locator('#b1-lft').fill('44');
  await vt.locator('#b1-gem').selectOption('Venlo');
  await vt.getByLabel('Lichamelijke mishandeling').check();
  await vt.getByLabel('Omschrijving').fill('Politie trof een ruzie aan; het kind was erbij.');
  await submit(vt, 'Controleren of betrokkenen bekend zijn');
  await submit(vt, 'Registreren');
  assert.match(vt.url(), /\/casussen\//);
  const caseUrl = new URL(vt.url()).pathname;
  const heading = await vt.getByRole('heading', { level: 1 }).innerText();
  const number = heading.match(/VT-\d{4}-\d{5}/)?.[0];
  assert.ok(number, `case number in the title: ${heading}`);
  await vt.locator('#urg-ja').check();
  await submit(vt, 'Urgentie vastleggen');

  // Te doen, filtered to acute items in Venlo: today's melding on the first screen.
  await vt.getByRole('link', { name: 'Te doen' }).click();
  await vt.getByLabel('Gemeente').selectOption('Venlo');
  await vt.getByLabel('Alleen acuut').check();
  await submit(vt, 'Toon');
  // Newest case number first: the column header sorts ascending, a second click descending.
  await vt.getByRole('link', { name: 'Casus', exact: true }).click();
  await vt.getByRole('link', { name: 'Casus', exact: true }).click();
  await vt.waitForLoadState('domcontentloaded');
  const link = vt.locator(`a[href="${caseUrl}"]`).first();
  await link.waitFor();
  assert.match(await link.innerText(), new RegExp(number));
  const box = await link.boundingBox();
  assert.ok(box && box.y + box.height <= 768, `on the first screen (y = ${box?.y})`);
  // Every row shown is acute, said in text.
  const rows = vt.locator('tbody tr');
  const n = await rows.count();
  assert.ok(n > 0);
  for (let i = 0; i < n; i += 1) {
    assert.match(await rows.nth(i).innerText(), /Acuut/);
  }
  assert.deepEqual(await accessibilityViolations(vt), [], 'Te doen');

  // Search from the header by date of birth, in the Dutch way of writing it.
  await vt.getByRole('searchbox', { name: 'Zoek een casus' }).first().fill('29-11-2017');
  await submit(vt, 'Zoeken');
  await vt.getByRole('link', { name: new RegExp(number) }).first().waitFor();
  await vt.getByText('Noor Vandaag', { exact: false }).first().waitFor();
  assert.deepEqual(await accessibilityViolations(vt), [], 'search page');
  await context.close();
});

test('Te doen has no sideways scroll at 390 px', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await login(page, server.base, 'vt.medewerker');
  await page.goto(`${server.base}/werkvoorraad`);
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.ok(fits, 'no horizontal scroll on Te doen');
  assert.deepEqual(await accessibilityViolations(page), [], 'Te doen on a phone');
  await context.close();
});
