// On a phone (390 x 844) no page scrolls sideways: tables become lists, forms and menus wrap, and
// the main menu folds behind a "Menu" button that works by keyboard without script. Axe finds no
// WCAG 2.1 AA violation on the pages of issue 7 at that size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startBrowser, login, accessibilityViolations } from './harness.js';

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

async function phone() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  return [context, await context.newPage()];
}

async function assertFits(page, url) {
  await page.goto(`${server.base}${url}`);
  const [scrollWidth, viewport] = await page.evaluate(
    () => [document.documentElement.scrollWidth, window.innerWidth],
  );
  assert.ok(scrollWidth <= viewport, `${url} is ${scrollWidth} px wide on a ${viewport} px screen`);
  assert.deepEqual(await accessibilityViolations(page), [], `${url} on a phone`);
}

test('no page of the Veilig Thuis flow scrolls sideways at 390 px', async () => {
  const [context, page] = await phone();
  await login(page, server.base, 'vt.medewerker');
  await page.goto(`${server.base}/werkvoorraad`);
  const caseLink = await page.locator('table a[href^="/casussen/"]').first().getAttribute('href');
  assert.ok(caseLink, 'the work queue lists a case');
  for (const url of ['/', '/werkvoorraad', '/intake', '/organisaties', caseLink, '/zoeken?q=2017']) {
    await assertFits(page, url);
  }
  // Te doen reads as a list: each item shows its deadline and its status first.
  await page.goto(`${server.base}/werkvoorraad`);
  const first = page.locator('tbody tr').first();
  const cells = await first.locator('td').allInnerTexts();
  assert.match(cells[0], /^\d{2}-\d{2}-\d{4}/);
  assert.match(cells[1], /Op tijd|Binnen 1 werkdag|Verlopen/);
  // The case page opens with what was decided.
  await page.goto(`${server.base}${caseLink}`);
  await page.getByRole('heading', { name: 'Wat er besloten is' }).waitFor();
  await context.close();
});

test('the access log and the start pages of policy staff and school contacts fit a phone', async () => {
  for (const [user, urls] of [['privacy', ['/toegangslog', '/']], ['beleid', ['/']], ['school', ['/']]]) {
    const [context, page] = await phone();
    await login(page, server.base, user);
    for (const url of urls) {
      await assertFits(page, url);
    }
    await context.close();
  }
});

test('the phone menu opens and closes by keyboard', async () => {
  const [context, page] = await phone();
  await login(page, server.base, 'vt.medewerker');
  await page.goto(`${server.base}/`);
  const menuLink = page.getByRole('link', { name: 'Te doen' });
  assert.equal(await menuLink.isVisible(), false, 'the menu starts folded');
  // Walk to the Menu button with Tab, as a keyboard user does.
  const button = page.locator('summary.menu__button');
  for (let i = 0; i < 10 && !(await button.evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  assert.ok(await button.evaluate((el) => el === document.activeElement), 'Menu takes focus');
  await page.keyboard.press('Enter');
  await menuLink.waitFor({ state: 'visible' });
  const box = await menuLink.boundingBox();
  assert.ok(box && box.height >= 24, `tap target ${box?.height} px high`);
  assert.deepEqual(await accessibilityViolations(page), [], 'open menu');
  // The next Tab goes into the menu; Enter on the button folds it again.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Start');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await menuLink.waitFor({ state: 'hidden' });
  // Space works too.
  await page.keyboard.press(' ');
  await menuLink.waitFor({ state: 'visible' });
  await context.close();
});
