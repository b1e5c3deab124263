// Every demo role can log in and sees its own start page; the pages pass axe's WCAG 2.1 AA checks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startBrowser, login, logout, accessibilityViolations } from './harness.js';

let server;
let browser;

before(async () => {
  server = await startServer(['--scale', '0.05']);
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const roles = [
  ['vt.medewerker', 'Werkvoorraad'],
  ['vt.teamleider', 'Werkvoorraad van het team'],
  ['wijkteam.venlo', 'Werkvoorraad'],
  ['politie', 'Werkvoorraad'],
  ['beheerder', 'Gebruikers'],
  ['privacy', 'Toegangslog'],
  ['beleid', 'De regio'],
  ['school', 'Handle with Care'],
  ['kinderopvang', 'Handle with Care'],
  ['mda', 'Werkvoorraad'],
  ['opvang', 'Werkvoorraad'],
  ['huisarts', 'Werkvoorraad'],
  ['projectleider', 'De regio'],
];

test('the login page is accessible', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.base}/login`);
  assert.deepEqual(await accessibilityViolations(page), []);
  await context.close();
});

for (const [username, expected] of roles) {
  test(`${username} logs in and sees the start page`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, server.base, username);
    assert.match(page.url(), /\/$/);
    // The menu exists twice (a bar, and a disclosure for phones); only what is visible counts.
    await assert.doesNotReject(
      page.getByText(expected).locator('visible=true').first().waitFor({ timeout: 5000 }),
    );
    assert.deepEqual(await accessibilityViolations(page), [], `start page of ${username}`);
    await logout(page);
    await context.close();
  });
}
