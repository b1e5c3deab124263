// The known-before step (issue 7, rule breach 5): a second melding about the same child with a typo
// in the name is offered as "mogelijk dezelfde persoon" with a link to the first casus; registering
// without a choice is refused at the choice; "zelfde persoon" joins the open casus.
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

test('a typo in the name is offered as possibly the same person and joins the open casus', async () => {
  const context = await browser.newContext();
  const vt = await context.newPage();
  await login(vt, server.base, 'vt.medewerker');

  // The first melding: nobody known.
  await fillMelding(vt, 'Mila Verzonnen', { withMother: true });
  await vt.getByText('1e melding').waitFor();
  await submitAction(vt, 'Registreren');
  assert.match(vt.url(), /\/casussen\//);
  const firstCase = new URL(vt.url()).pathname;

  // The second: the same child, one letter less.
  await fillMelding(vt, 'Mila Verzonen', { withMother: false });
  const step = vt.locator('#bekend-stap');
  await step.getByText('Mogelijk dezelfde persoon').waitFor();
  // Focus moves to the step's heading.
  assert.equal(await vt.evaluate(() => document.activeElement?.id), 'bekend');
  const link = step.getByRole('link', { name: /^VT-\d{4}-\d{5}$/ });
  assert.equal(await link.getAttribute('href'), firstCase);
  assert.deepEqual(await accessibilityViolations(vt), [], 'known-before step');

  // Registering without a choice is refused, with the error at the choice.
  await Promise.all([vt.waitForLoadState('domcontentloaded'), vt.getByRole('button', { name: 'Registreren' }).click()]);
  const choice = vt.locator('#bekend-0');
  await choice.getByText('Kies of dit dezelfde persoon is of een andere persoon.').waitFor();
  assert.equal(await choice.getAttribute('aria-describedby'), 'bekend-0-fout');
  assert.deepEqual(await accessibilityViolations(vt), [], 'known-before step with error');

  // The same person: the melding joins the open casus.
  await choice.getByLabel('Zelfde persoon').check();
  await submitAction(vt, 'Registreren');
  assert.equal(new URL(vt.url()).pathname, firstCase);
  await vt.getByText('Vervolgmelding', { exact: false }).first().waitFor();
  await context.close();
});
