// The meldcode for professionals (issue 11): a teacher walks the five steps to a melding, which
// arrives at Veilig Thuis's intake with what the teacher entered; Veilig Thuis registers it and the
// teacher's dossier shows that it did.
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

async function save(page) {
  await submitAction(page, 'Vastleggen');
}

test('a teacher walks the meldcode to a melding that arrives at Veilig Thuis intake', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await login(page, server.base, 'school');

  await page.getByRole('link', { name: 'Meldcode', exact: true }).click();
  assert.deepEqual(await accessibilityViolations(page), [], 'meldcode list');
  await page.getByRole('link', { name: 'Nieuw meldcodedossier' }).click();
  // The form says what is missing, at the field.
  await Promise.all([page.waitForLoadState('domcontentloaded'), page.getByRole('button', { name: 'Dossier openen' }).click()]);
  await page.locator('#client_naam-fout').waitFor();
  await page.getByLabel('Naam van de cliënt').fill('Mila Verzonnen');
  await page.getByLabel('Geboortedatum van de cliënt').fill('2016-03-08');
  await page.getByLabel('Waar maakt u zich zorgen over?').fill('Mila komt de laatste weken met blauwe plekken op haar armen naar school.');
  await submitAction(page, 'Dossier openen');
  await page.getByRole('heading', { name: 'Meldcode: Mila Verzonnen' }).waitFor();

  // Step 1 with the kindcheck. The client is the child: no parental problems to check.
  await page.getByLabel('Signalen', { exact: true }).fill('Blauwe plekken op beide onderarmen, schrikt bij harde geluiden. Gezien op 23-11-2026 en 26-11-2026.');
  await page.locator('#kindcheck-ouderproblemen-nee').check();
  // An answer the kindcheck does not ask for comes back at its field.
  await page.getByLabel('Aantal kinderen').fill('2');
  await Promise.all([page.waitForLoadState('domcontentloaded'), page.getByRole('button', { name: 'Vastleggen' }).click()]);
  await page.locator('#kindcheck-aantal_kinderen-fout').waitFor();
  assert.deepEqual(await accessibilityViolations(page), [], 'signals form with an error');
  await page.getByLabel('Aantal kinderen').fill('');
  await save(page);

  // Step 2: collegial consultation.
  await page.getByLabel('Met wie heeft u overlegd?').fill('De intern begeleider, A. Verzonnen-de Wit');
  await page.getByLabel('Wat kwam uit het overleg?').fill('Zij herkent de signalen; we vragen de ouders om een gesprek.');
  await page.locator('#vt_gevraagd-nee').check();
  await save(page);

  // Step 3: the conversation.
  await page.getByLabel('Verslag van het gesprek').fill('Moeder zegt dat Mila van de trap viel. Mila zelf zegt niets.');
  await save(page);

  // Step 4: weighing with the afwegingskader: acute unsafety.
  await page.getByLabel('Uw afweging').fill('Herhaalde verwondingen zonder passende uitleg; Mila is bang om naar huis te gaan.');
  await page.locator('#vraag_1-ja').check();
  await page.locator('#vraag_2-ja').check();
  await save(page);
  await page.getByText('Melden bij Veilig Thuis: er is acute en/of structurele onveiligheid').first().waitFor();

  // Step 5: the decision follows the weighing.
  await page.getByLabel('Toelichting bij het besluit').fill('Ik meld vandaag bij Veilig Thuis.');
  await save(page);
  assert.deepEqual(await accessibilityViolations(page), [], 'dossier with a melding due');

  await page.getByRole('link', { name: 'Melding doen bij Veilig Thuis' }).first().click();
  await page.getByRole('heading', { name: 'Melding doen bij Veilig Thuis' }).waitFor();
  assert.ok(await page.getByText('Mila Verzonnen').count() > 0, 'a melding names the client');
  assert.deepEqual(await accessibilityViolations(page), [], 'send page');
  await submitAction(page, 'Melding versturen');
  await page.getByText('De melding is verstuurd').waitFor();
  await page.getByText('wacht op registratie bij Veilig Thuis').waitFor();
  await logout(page);

  // Veilig Thuis finds it waiting in intake, with the teacher's details filled in.
  await login(page, server.base, 'vt.medewerker');
  await page.goto(`${server.base}/intake`);
  const waiting = page.getByRole('region', { name: /Binnengekomen via de meldcode/ });
  // The demo's GP melding waits too; the teacher's is the one from the school.
  const takeIn = waiting.getByRole('link', { name: /Opnemen in de intake.*Sanne School/ });
  const takeInHref = await takeIn.getAttribute('href');
  await takeIn.click();
  await page.getByText(/Deze melding komt uit de meldcode/).waitFor();
  assert.equal(await page.locator('#b0-naam').inputValue(), 'Mila Verzonnen');
  assert.equal(await page.locator('#b0-gd').inputValue(), '2016-03-08');
  assert.equal(await page.getByLabel('Soort melder').inputValue(), 'onderwijs');
  assert.match(await page.getByLabel('Omschrijving').inputValue(), /Blauwe plekken op beide onderarmen/);
  assert.match(await page.getByLabel('Omschrijving').inputValue(), /Moeder zegt dat Mila van de trap viel/);
  assert.ok((await page.getByLabel('Organisatie melder').inputValue()).length > 0, 'the school is named');
  assert.deepEqual(await accessibilityViolations(page), [], 'intake from the meldcode');

  // What the dossier did not know, Veilig Thuis adds.
  await page.locator('#b0-rol').selectOption('slachtoffer');
  await page.locator('#b0-gem').selectOption('Venlo');
  await page.getByLabel('Lichamelijke mishandeling').check();
  await submitAction(page, 'Controleren of betrokkenen bekend zijn');
  await submitAction(page, 'Registreren');
  assert.match(new URL(page.url()).pathname, /^\/casussen\//);
  await page.goto(`${server.base}/intake`);
  assert.equal(await page.getByRole('link', { name: /Opnemen in de intake.*Sanne School/ }).count(), 0, 'the teacher\'s melding waits no more');
  assert.equal(await page.getByRole('link', { name: /Opnemen in de intake.*Hugo Huisarts/ }).count(), 1, 'the GP\'s still waits');
  // Taken in once: opening it again registers nothing and says why.
  const again = await page.goto(`${server.base}${takeInHref}`);
  assert.equal(again.status(), 400);
  await page.getByText('Deze aanvraag is al geregistreerd als casus.').first().waitFor();
  await page.goto(`${server.base}/intake`);
  await logout(page);

  // The teacher sees that Veilig Thuis registered it.
  await login(page, server.base, 'school');
  await page.getByRole('link', { name: 'Meldcode', exact: true }).click();
  await page.getByRole('link', { name: 'Mila Verzonnen' }).click();
  await page.getByText(/geregistreerd door Veilig Thuis op/).waitFor();
  await context.close();
});

test('the meldcode dossier fits a phone', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await login(page, server.base, 'wijkteam.venlo');
  await page.goto(`${server.base}/meldcode/nieuw`);
  await page.getByLabel('Naam van de cliënt').fill('Noor Verzonnen');
  await page.getByLabel('Waar maakt u zich zorgen over?').fill('Zorgen om de thuissituatie.');
  await submitAction(page, 'Dossier openen');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling (scrollWidth ${width})`);
  assert.deepEqual(await accessibilityViolations(page), [], 'dossier on a phone');
  await context.close();
});
