// Issue 7, "Fit for daily work": forms in the NL Design System pattern. An intake with three
// errors shows all three in the summary and at their fields, keeps what was typed and moves focus to
// the summary; Enter in a text field runs the known-before check; a refused case action comes back
// on the case page with the menu.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startBrowser, login, accessibilityViolations, submitAction } from './harness.js';

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

async function fillMelding(page, { name, birthDate, bsn, description }) {
  await page.getByLabel('Soort melder').selectOption('justitie_en_veiligheid');
  await page.locator('#b0-rol').selectOption('kind_in_gezin');
  await page.locator('#b0-naam').fill(name);
  await page.locator('#b0-gd').fill(birthDate);
  if (bsn) await page.locator('#b0-bsn').fill(bsn);
  await page.locator('#b0-gem').selectOption('Venlo');
  await page.getByLabel('Lichamelijke mishandeling').check();
  await page.getByLabel('Omschrijving').fill(description);
}

test('an intake with three errors shows all of them, at their fields, with the input kept', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await login(page, server.base, 'vt.medewerker');
  await page.goto(`${server.base}/intake`);
  // No gemeente is chosen for the user.
  assert.equal(await page.locator('#b0-gem').inputValue(), '');

  await fillMelding(page, { name: 'Tess Verzonnen', birthDate: '2099-01-01', bsn: '123456789', description: '' });
  await Promise.all([
    page.waitForLoadState('domcontentloaded'),
    page.getByRole('button', { name: 'Controleren of betrokkenen bekend zijn' }).click(),
  ]);

  const summary = page.locator('#foutenoverzicht');
  await summary.waitFor();
  assert.equal(await summary.getByRole('heading').innerText(), 'Er zijn 3 fouten');
  const links = await summary.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, ['#b0-gd', '#b0-bsn', '#omschrijving']);
  // Focus moved to the summary.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'foutenoverzicht');

  for (const id of ['b0-gd', 'b0-bsn', 'omschrijving']) {
    const field = page.locator(`#${id}`);
    assert.equal(await field.getAttribute('aria-invalid'), 'true', id);
    const describedBy = await field.getAttribute('aria-describedby');
    const message = await page.locator(`#${describedBy}`).innerText();
    assert.ok(message.length > 'Fout: '.length, `${id} has its message: ${message}`);
  }
  // A summary link takes the user to the field.
  await summary.getByRole('link', { name: /BSN/ }).click();
  assert.equal(new URL(page.url()).hash, '#b0-bsn');

  // What was typed is kept.
  assert.equal(await page.locator('#b0-naam').inputValue(), 'Tess Verzonnen');
  assert.equal(await page.locator('#b0-bsn').inputValue(), '123456789');
  assert.equal(await page.locator('#b0-gd').inputValue(), '2099-01-01');
  assert.equal(await page.locator('#b0-gem').inputValue(), 'Venlo');
  assert.ok(await page.getByLabel('Lichamelijke mishandeling').isChecked());
  assert.deepEqual(await accessibilityViolations(page), [], 'intake page with errors');

  // On a phone the page does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
  await context.close();
});

test('Enter in the name field runs the known-before check, and a refused case action comes back on the case page', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, server.base, 'vt.medewerker');
  await page.goto(`${server.base}/intake`);
  const rowsBefore = await page.locator('fieldset.row-group').count();
  await fillMelding(page, { name: 'Ruben Verzonnen', birthDate: '2015-03-02', description: 'Buren hoorden geschreeuw.' });
  await page.locator('#b0-naam').focus();
  await Promise.all([page.waitForLoadState('domcontentloaded'), page.keyboard.press('Enter')]);
  // The check ran (its section is there), no rows were added.
  await page.getByRole('button', { name: 'Registreren' }).waitFor();
  assert.equal(await page.locator('fieldset.row-group').count(), rowsBefore);
  await submitAction(page, 'Registreren');
  assert.match(page.url(), /\/casussen\//);

  // Urgency sent without an answer: the case page comes back with the menu and the error.
  await Promise.all([
    page.waitForLoadState('domcontentloaded'),
    page.getByRole('button', { name: 'Urgentie vastleggen' }).click(),
  ]);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
  await page.getByRole('heading', { name: 'Fase: Intake' }).waitFor();
  const summary = page.locator('#foutenoverzicht');
  assert.equal(await summary.getByRole('heading').innerText(), 'Er is 1 fout');
  assert.equal(await page.locator('#urg-ja').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await accessibilityViolations(page), [], 'case page with a refused action');

  // Answered, it is recorded; the assessment's part C and instrument start from the list.
  await page.locator('#urg-nee').check();
  await submitAction(page, 'Urgentie vastleggen');
  assert.equal(await page.locator('#c-over').isChecked(), false);
  assert.equal(await page.locator('#instrument').evaluate((s) => s.tagName), 'SELECT');
  await context.close();
});
