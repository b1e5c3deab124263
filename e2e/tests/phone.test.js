// On a phone (390 x 844) no page of a Veilig Thuis worker scrolls sideways: wide tables scroll inside
// their own frame, forms and menus wrap.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startBrowser, login } from './harness.js';

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

test('no page of the Veilig Thuis flow scrolls sideways at 390 px', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await login(page, server.base, 'vt.medewerker');
  await page.goto(`${server.base}/werkvoorraad`);
  const caseLink = await page.locator('table a').first().getAttribute('href');
  assert.ok(caseLink, 'the work queue lists a case');
  for (const url of ['/', '/werkvoorraad', '/intake', '/organisaties', caseLink]) {
    await page.goto(`${server.base}${url}`);
    const [scrollWidth, viewport] = await page.evaluate(
      () => [document.documentElement.scrollWidth, window.innerWidth],
    );
    assert.ok(scrollWidth <= viewport, `${url} is ${scrollWidth} px wide on a ${viewport} px screen`);
  }
  await context.close();
});
