// Issue 7 item 7: the lokaal team, holding regie after an accepted handover, records a monitoring
// moment in the browser; an unmet veiligheidsvoorwaarde sends the case back to Veilig Thuis and the
// team keeps a read-only view with a notice in its queue. The form has no WCAG 2.1 AA violations.
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

test('the lokaal team records a monitoring moment with an unmet condition and the case returns to Veilig Thuis', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, server.base, 'vt.medewerker');

  // A melding, assessed and offered to the wijkteam with one veiligheidsvoorwaarde.
  await page.getByRole('link', { name: 'Nieuw advies of melding' }).click();
  await page.getByLabel('Soort melder').selectOption('justitie_en_veiligheid');
  await page.getByLabel('Organisatie melder').fill('Politie Limburg');
  await page.locator('#b0-rol').selectOption('kind_in_gezin');
  await page.locator('#b0-naam').fill('Mila Verzonnen');
  await page.locator('#b0-gd').fill('2017-09-03');
  await page.locator('#b0-gem').selectOption('Venlo');
  await page.getByLabel('Lichamelijke mishandeling').check();
  await page.getByLabel('Omschrijving').fill('Buren hoorden geschreeuw; het kind was thuis.');
  await submitAction(page, 'Controleren of betrokkenen bekend zijn');
  await submitAction(page, 'Registreren');
  const caseUrl = page.url();
  await page.getByLabel('Nee').check();
  await submitAction(page, 'Urgentie vastleggen');
  await page.locator('#a-nee').check();
  await page.locator('#b-ja').check();
  await page.locator('#c-over').check();
  await submitAction(page, 'Beoordeling vastleggen');
  await page.getByLabel('Vervolgtraject').selectOption('overdracht_lokaal_veld');
  await page.getByLabel('Veiligheidsvoorwaarden (één per regel)').fill('Vader verblijft niet in de woning');
  await submitAction(page, 'Besluit vastleggen');
  const target = page.getByLabel('Naar');
  await target.selectOption(await target.locator('option', { hasText: 'Wijkteam Venlo' }).getAttribute('value'));
  await submitAction(page, 'Overdracht aanbieden');
  await logout(page);

  // The wijkteam accepts and now holds regie.
  await login(page, server.base, 'wijkteam.venlo');
  await page.goto(caseUrl);
  await submitAction(page, 'Overdracht aanvaarden');
  await page.getByRole('heading', { name: 'Fase: Monitoring' }).waitFor();

  // The monitoring form: moments by their label, never by code.
  const form = page.locator('#monitoring-form');
  await form.waitFor();
  const moments = await page.locator('#moment').locator('option').allInnerTexts();
  assert.ok(moments.some((m) => m.startsWith('Na 6 weken')), moments.join(' | '));
  assert.ok(moments.every((m) => !/\d_(weken|maanden)/.test(m)), moments.join(' | '));
  assert.deepEqual(await accessibilityViolations(page), [], 'case page with the monitoring form');

  // The first moment is not due yet: the team records it early, with a reason.
  await page.locator('#moment').selectOption({ label: moments[0] });
  await form.getByLabel('Niet nageleefd').check();
  await form.locator('#contact-ja').check();
  await page.getByLabel('Korte toelichting op het contact').fill('Huisbezoek: vader was aanwezig.');
  await page.getByLabel('Volgende stap').fill('Veilig Thuis beoordeelt opnieuw.');
  await page.getByLabel('Reden om eerder vast te leggen').fill('Signaal van school over vader in huis.');
  await submitAction(page, 'Monitoring vastleggen');

  // The case went back to Veilig Thuis; the team reads along with a notice.
  await page.getByRole('heading', { name: 'Fase: Intake' }).waitFor();
  const accountable = await page.locator('dt:has-text("Verantwoordelijke organisatie") + dd').innerText();
  assert.equal(accountable, 'Veilig Thuis Noord- en Midden-Limburg');
  await page.getByText('De casus is teruggegaan naar Veilig Thuis', { exact: false }).waitFor();
  assert.equal(await page.locator('#monitoring-form').count(), 0, 'no form for a read-only reader');
  await page.getByRole('link', { name: 'Te doen' }).click();
  await page.getByText('Casus terug bij Veilig Thuis', { exact: false }).first().waitFor();
  await context.close();
});
