// One melding walked from intake through assessment, decision and warm handover to acceptance by
// the lokaal team, as the different users, checking the work queues on the way (issue 3).
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

test('a melding goes from intake to an accepted handover', async () => {
  const vtContext = await browser.newContext();
  const vt = await vtContext.newPage();
  await login(vt, server.base, 'vt.medewerker');

  // Intake, with the known-before check first.
  await vt.getByRole('link', { name: 'Nieuw advies of melding' }).click();
  assert.deepEqual(await accessibilityViolations(vt), [], 'intake page');
  await vt.getByLabel('Soort melder').selectOption('justitie_en_veiligheid');
  await vt.getByLabel('Organisatie melder').fill('Politie Limburg');
  await vt.locator('#b0-rol').selectOption('kind_in_gezin');
  await vt.locator('#b0-naam').fill('Lotte Bedacht');
  await vt.locator('#b0-gd').fill('2016-04-12');
  await vt.locator('#b0-gem').selectOption('Venlo');
  await vt.locator('#b1-rol').selectOption('pleger');
  await vt.locator('#b1-naam').fill('Kees Bedacht');
  await vt.locator('#b1-lft').fill('41');
  await vt.locator('#b1-gem').selectOption('Venlo');
  await vt.getByLabel('Lichamelijke mishandeling').check();
  await vt.getByLabel('Omschrijving').fill('Politie trof een ruzie aan; het kind was erbij.');
  await submitAction(vt, 'Controleren of betrokkenen bekend zijn');
  await vt.getByText('1e melding').waitFor();
  await submitAction(vt, 'Registreren');
  assert.match(vt.url(), /\/casussen\//);
  const caseUrl = vt.url();
  await vt.getByRole('heading', { name: 'Fase: Intake' }).waitFor();
  assert.deepEqual(await accessibilityViolations(vt), [], 'case page');

  // Urgency, safety assessment, decision, handover offer.
  await vt.getByLabel('Nee').check();
  await submitAction(vt, 'Urgentie vastleggen');
  await vt.locator('#a-nee').check();
  await vt.locator('#b-ja').check();
  await vt.locator('#c-over').check();
  await submitAction(vt, 'Beoordeling vastleggen');
  await vt.getByLabel('Vervolgtraject').selectOption('overdracht_lokaal_veld');
  await vt.getByLabel('Veiligheidsvoorwaarden (één per regel)').fill('Vader verblijft niet in de woning');
  await submitAction(vt, 'Besluit vastleggen');
  const target = vt.getByLabel('Naar');
  const option = await target.locator('option', { hasText: 'Wijkteam Venlo' }).getAttribute('value');
  await target.selectOption(option);
  await vt.getByLabel('Afspraken over monitoring (één per regel)').fill('Na 6 weken overleg met Veilig Thuis');
  await submitAction(vt, 'Overdracht aanbieden');
  await vt.getByRole('heading', { name: 'Overdracht aan Wijkteam Venlo' }).waitFor();

  // Veilig Thuis's queue shows the handover waiting for acceptance.
  await vt.getByRole('link', { name: 'Te doen' }).click();
  await vt.getByText('Overdracht', { exact: false }).first().waitFor();
  assert.deepEqual(await accessibilityViolations(vt), [], 'queue page');
  await logout(vt);

  // The lokaal team finds it in its queue and accepts, naming a regiehouder.
  const teamContext = await browser.newContext();
  const team = await teamContext.newPage();
  await login(team, server.base, 'wijkteam.venlo');
  await team.getByRole('link', { name: 'Te doen' }).click();
  const row = team.locator('tr', { hasText: 'Overdracht accepteren of weigeren' });
  await row.first().waitFor();
  await row.first().getByRole('link').click();
  assert.equal(team.url(), caseUrl);
  await team.getByText('Vader verblijft niet in de woning').first().waitFor();
  // Before accepting, the team sees the household by first name and is told what accepting adds.
  await team.getByText('Na aanvaarding van de overdracht ziet u ook', { exact: false }).waitFor();
  assert.equal(await team.getByText('Lotte Bedacht').count(), 0, 'no full name before acceptance');
  assert.equal(await team.getByText('Politie trof een ruzie aan', { exact: false }).count(), 0);
  assert.deepEqual(await accessibilityViolations(team), [], 'case page of a handover receiver');
  await submitAction(team, 'Overdracht aanvaarden');
  await team.getByRole('heading', { name: 'Fase: Monitoring' }).waitFor();
  await team.getByText('Lotte Bedacht').first().waitFor();
  assert.equal(await team.getByText('Na aanvaarding van de overdracht', { exact: false }).count(), 0);
  const accountable = await team.locator('dt:has-text("Verantwoordelijke organisatie") + dd').innerText();
  assert.equal(accountable, 'Wijkteam Venlo');
  await logout(team);

  // Veilig Thuis now monitors: its queue shows the first monitoring moment.
  await login(vt, server.base, 'vt.medewerker');
  await vt.getByRole('link', { name: 'Te doen' }).click();
  await vt.getByText('Monitoringsmoment', { exact: false }).first().waitFor();
  await vtContext.close();
  await teamContext.close();
});
