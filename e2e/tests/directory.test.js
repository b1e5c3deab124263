// The sociale kaart (issue 11 item 3): a wijkteam member finds trauma treatment for a child in
// Venlo, first with the filters, then with free text in other Dutch word forms ("trauma kind"
// finds "traumabehandeling voor kinderen"); the beheerder sees stale entries first, gets the
// errors of a wrong form at their fields and reviews an entry; anyone sees the public view. Every
// page is checked with axe-core and fits a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startBrowser, login, logout, accessibilityViolations, submitAction } from './harness.js';

let server;
let browser;

before(async () => {
  server = await startServer(['--scale', '0']);
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a wijkteam member finds trauma treatment for a child in Venlo', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await login(page, server.base, 'wijkteam.venlo');
  await page.getByRole('link', { name: 'Sociale kaart' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Sociale kaart' }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), [], 'directory list');

  // With the filters.
  await page.getByLabel('Gemeente').selectOption({ label: 'Venlo' });
  await page.getByLabel('Doelgroep').selectOption({ label: 'Kinderen' });
  await page.getByLabel('Soort hulp').selectOption({ label: 'Traumabehandeling' });
  await Promise.all([page.waitForURL(/soort=traumabehandeling/), page.getByRole('button', { name: 'Diensten zoeken' }).click()]);
  const filtered = await page.locator('.results .card > a').allInnerTexts();
  assert.ok(filtered.includes('Traumabehandeling voor kinderen Venlo (fictief)'), filtered.join(' | '));
  assert.ok(!filtered.some((n) => n.includes('Plegerhulp')), filtered.join(' | '));

  // With free text in other word forms, no filters but the gemeente.
  await page.goto(`${server.base}/sociale-kaart`);
  await page.getByLabel('Zoekwoorden').fill('trauma kind');
  await page.getByLabel('Gemeente').selectOption({ label: 'Venlo' });
  await Promise.all([page.waitForURL(/q=trauma/), page.getByRole('button', { name: 'Diensten zoeken' }).click()]);
  const found = await page.locator('.results .card > a').allInnerTexts();
  assert.ok(found.includes('Traumabehandeling voor kinderen Venlo (fictief)'), found.join(' | '));
  assert.ok(!found.some((n) => n.includes('Schuldhulp')), found.join(' | '));

  // The service's page: how to refer, and its contact.
  await page.getByRole('link', { name: 'Traumabehandeling voor kinderen Venlo (fictief)' }).click();
  await page.getByRole('heading', { name: 'Hoe verwijs je door' }).waitFor();
  await page.getByText(/Gecontroleerd op \d\d-\d\d-\d{4}/).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Markeren als gecontroleerd' }).count(), 0, 'only the beheerder reviews');
  assert.deepEqual(await accessibilityViolations(page), [], 'service page');
  await logout(page);
  await context.close();
});

test('the beheerder reviews stale entries and gets errors at their fields', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await login(page, server.base, 'beheerder');
  await page.goto(`${server.base}/sociale-kaart`);
  const stale = page.getByRole('region', { name: /Verouderd: eerst controleren/ });
  await stale.waitFor();
  const before = await stale.locator('.card').count();
  assert.ok(before >= 3, `${before} stale entries`);

  // A new service without the required fields: every error at its field.
  await page.getByRole('link', { name: 'Nieuwe dienst' }).click();
  await page.getByLabel('Naam van de dienst').fill('Testdienst (fictief)');
  await page.getByLabel(/^Telefoon/).fill('12');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.locator('#foutenoverzicht').waitFor();
  await page.locator('#aanbieder-fout').waitFor();
  await page.locator('#telefoon-fout').waitFor();
  await page.locator('#doelgroepen-slachtoffers-fout').waitFor();
  assert.equal(await page.locator('#telefoon').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Naam van de dienst').inputValue(), 'Testdienst (fictief)');
  assert.deepEqual(await accessibilityViolations(page), [], 'edit form with errors');

  // Review the first stale entry: it leaves the stale list.
  await page.goto(`${server.base}/sociale-kaart`);
  await stale.locator('.card > a').first().click();
  await page.getByText('Verouderd', { exact: true }).first().waitFor();
  await submitAction(page, 'Markeren als gecontroleerd');
  await page.getByText('De dienst is gemarkeerd als gecontroleerd.').waitFor();
  await page.goto(`${server.base}/sociale-kaart`);
  assert.equal(await stale.locator('.card').count(), before - 1);

  // The edit form of an existing service.
  await page.locator('.results .card > a').first().click();
  await page.getByRole('link', { name: 'Dienst bewerken' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dienst bewerken' }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), [], 'edit form');
  await logout(page);
  await context.close();
});

test('the public view needs no login and shows only public contact', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${server.base}/sociale-kaart/openbaar`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.deepEqual(await context.cookies(), [], 'no cookie');
  const names = await page.locator('.results .card h2').allInnerTexts();
  assert.ok(names.length > 10, `${names.length} public entries`);
  assert.ok(!names.includes('Crisisopvang Regio (fictief)'), 'without consent, not listed');
  assert.equal(await page.getByText('Hoe verwijs je door').count(), 0);
  assert.deepEqual(await accessibilityViolations(page), [], 'public view');
  await context.close();
});

test('the directory pages fit a phone', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const fits = async (path) => {
    await page.goto(`${server.base}${path}`);
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scroll <= inner, `${path}: ${scroll} > ${inner}`);
  };
  await fits('/sociale-kaart/openbaar');
  await login(page, server.base, 'beheerder');
  for (const path of ['/sociale-kaart', '/sociale-kaart?q=trauma+kind', '/sociale-kaart/demo-dienst-01',
    '/sociale-kaart/demo-dienst-01/bewerken', '/sociale-kaart/nieuw']) {
    await fits(path);
  }
  await context.close();
});
