// Merging a wrongly split person (issue 7, rule breach 5): a second melding about the same child
// with a typo in the name is registered as another person; the worker later sees they are one and
// merges them from the case page. Both casussen keep their history and show the merge.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startBrowser, login, accessibilityViolations, submitAction, fillMelding } from './harness.js';

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

test('a person registered twice is merged from the case page', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const vt = await context.newPage();
  await login(vt, server.base, 'vt.medewerker');

  await fillMelding(vt, 'Ravi Verzonnen', { withMother: false });
  await submitAction(vt, 'Registreren');
  const firstCase = new URL(vt.url()).pathname;

  // The worker takes the typo for another child: a second casus with a second person.
  await fillMelding(vt, 'Ravi Verzonen', { withMother: false });
  await vt.locator('#bekend-0').getByLabel('Andere persoon').check();
  await submitAction(vt, 'Registreren');
  const secondCase = new URL(vt.url()).pathname;
  assert.notEqual(secondCase, firstCase);

  // Later: the same child. From the betrokkene, "Zelfde persoon als ...".
  await vt.getByRole('link', { name: /Zelfde persoon als/ }).first().click();
  await vt.getByRole('heading', { name: 'Zelfde persoon samenvoegen' }).waitFor();
  // Without a reason the form comes back with the error at the field.
  await vt.locator('#kandidaat-1').check();
  await vt.locator('#behouden-kandidaat').check();
  await Promise.all([vt.waitForLoadState('domcontentloaded'), vt.getByRole('button', { name: 'Samenvoegen' }).click()]);
  await vt.locator('#reden-fout').waitFor();
  assert.equal(await vt.locator('#kandidaat-1').isChecked(), true, 'the choice is kept');
  assert.deepEqual(await accessibilityViolations(vt), [], 'merge form with an error');
  await vt.getByLabel('Reden').fill('Zelfde kind: de naam is bij de tweede melding verkeerd gespeld.');
  await submitAction(vt, 'Samenvoegen');
  await vt.getByRole('listitem').filter({ hasText: 'Persoon samengevoegd' }).waitFor();
  // The second casus now names the child as the first does (the kept facts); the first keeps its own.
  assert.equal(await vt.getByText('Ravi Verzonen', { exact: false }).count(), 0, 'the misspelt name is gone');
  await vt.getByRole('heading', { name: 'Betrokkenen' }).waitFor();
  assert.ok(await vt.getByText('Ravi Verzonnen').count() > 0);
  await vt.goto(`${server.base}${firstCase}`);
  assert.ok(await vt.getByText('Ravi Verzonnen').count() > 0);
  await context.close();
});

test('the merge form fits a phone', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const vt = await context.newPage();
  await login(vt, server.base, 'vt.medewerker');
  await fillMelding(vt, 'Lotte Verzonnen', { withMother: false });
  await submitAction(vt, 'Registreren');
  await vt.goto(`${vt.url()}/samenvoegen`);
  await vt.getByRole('heading', { name: 'Zelfde persoon samenvoegen' }).waitFor();
  const [scroll, inner] = await vt.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= inner, `${scroll} > ${inner}`);
  await context.close();
});
