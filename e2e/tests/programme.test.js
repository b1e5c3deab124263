// The action programme (issue 12): the projectleider opens a round, a trekker updates an action of
// their working group, the projectleider closes the round, generates the progress appendix and
// downloads the PDF. The demo preloads the region's programme with the rounds of 2019-2021.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

function inThreeWeeks() {
  const d = new Date(Date.now() + 21 * 24 * 3600 * 1000);
  return d.toISOString().slice(0, 10);
}

test('a round from opening to the downloaded appendix', async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();

  // The projectleider sees where to intervene and opens this half year's round.
  await login(page, server.base, 'projectleider');
  await page.getByRole('link', { name: 'Actieprogramma' }).first().click();
  await page.getByRole('heading', { name: 'Waar ingrijpen?' }).waitFor();
  await page.getByText('geen persoonsgegevens van cliënten').first().waitFor();
  assert.deepEqual(await accessibilityViolations(page), [], 'programme overview');
  await page.getByRole('link', { name: 'Rondes' }).click();
  await page.getByLabel('Reageren uiterlijk op').fill(inThreeWeeks());
  await submitAction(page, 'Ronde openen');
  await page.getByRole('button', { name: 'Ronde sluiten' }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), [], 'rounds');
  await logout(page);

  // The trekker of "Kinderen in kwetsbare opvoedsituaties" updates one of its actions.
  await login(page, server.base, 'beleid');
  await page.getByRole('link', { name: 'Actieprogramma' }).first().click();
  await page.getByLabel('Werkgroep').selectOption({ label: 'Kinderen in kwetsbare opvoedsituaties' });
  await page.getByLabel('Status').selectOption('');
  await page.getByRole('button', { name: 'Toon', exact: true }).click();
  const first = page.locator('table a[href^="/programma/acties/"]').first();
  const key = (await first.innerText()).trim();
  await first.click();
  // A delay needs a reason: the error sits at the field.
  await page.getByLabel('Status').selectOption('vertraagd');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.locator('#toelichting-fout').waitFor();
  assert.equal(await page.locator('#toelichting').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await accessibilityViolations(page), [], 'action with an error');
  await page.getByLabel(/^Toelichting/).fill('Vertraagd: de training schuift naar het voorjaar.');
  await submitAction(page, 'Opslaan');
  await page.getByText('De voortgang is opgeslagen.').waitFor();
  await logout(page);

  // The projectleider closes the round and downloads the appendix.
  await login(page, server.base, 'projectleider');
  await page.goto(`${server.base}/programma/rondes`);
  await submitAction(page, 'Ronde sluiten');
  await page.getByRole('link', { name: 'Voortgangsbijlage' }).first().click();
  await page.getByRole('heading', { level: 1, name: /Voortgangsbijlage/ }).waitFor();
  await page.getByText('Vertraagd: de training schuift naar het voorjaar.').first().waitFor();
  assert.deepEqual(await accessibilityViolations(page), [], 'appendix');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download PDF' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^voortgangsbijlage-ronde-\d+\.pdf$/);
  const pdf = readFileSync(await download.path());
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.ok(pdf.includes(Buffer.from(key)), `the PDF lists action ${key}`);
  await context.close();
});

test('the programme pages fit a phone', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await login(page, server.base, 'projectleider');
  for (const path of ['/programma', '/programma/rondes', '/programma/werkgroepen', '/programma/acties/1.1.1']) {
    await page.goto(`${server.base}${path}`);
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scroll <= inner, `${path}: ${scroll} > ${inner}`);
  }
  await context.close();
});
