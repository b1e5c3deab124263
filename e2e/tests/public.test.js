// The public pages for citizens (issue 11): no login, five languages chosen by the browser or the
// visible switch, a quick-exit link at the top of every page that works with and without script,
// nothing stored (no cookie), axe-clean, and readable at 320 px without sideways scroll.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startBrowser, accessibilityViolations } from './harness.js';

const QUICK_EXIT = 'https://www.google.nl/';
const PAGES = ['/hulp', '/hulp/buur', '/hulp/familielid', '/hulp/collega', '/hulp/werknemer', '/hulp/kind',
  '/hulp/112-of-veilig-thuis', '/hulp/na-je-telefoontje', '/hulp/werkgevers'];
const LANGUAGES = ['nl', 'en', 'pl', 'ro', 'bg'];

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

// The neutral site is outside this machine: answer it locally, so the test sees where the browser went.
async function answerQuickExit(context) {
  await context.route(`${QUICK_EXIT}**`, (route) => route.fulfill({
    status: 200, contentType: 'text/html', body: '<!doctype html><title>Neutral</title><p>neutral</p>',
  }));
}

test('a citizen reads the public pages in Polish and leaves with quick-exit', async () => {
  const context = await browser.newContext({ locale: 'pl-PL', viewport: { width: 390, height: 844 } });
  await answerQuickExit(context);
  const page = await context.newPage();
  const publicCookies = [];
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (/^\/(hulp|static\/public\.css|static\/snel-weg\.js)/.test(pathname) && response.headers()['set-cookie']) {
      publicCookies.push(pathname);
    }
  });
  await page.goto('about:blank');
  // The login page points citizens to the public pages.
  await page.goto(`${server.base}/login`);
  await page.getByRole('link', { name: 'Zorgen over iemand? Lees wat u kunt doen.' }).click();
  await page.waitForURL(/\/hulp$/);
  // The browser asks for Polish, so the page is Polish, says its translation is not yet checked,
  // and shows the quick-exit link first.
  assert.equal(await page.locator('html').getAttribute('lang'), 'pl');
  await page.getByRole('heading', { level: 1, name: 'Martwisz się o kogoś?' }).waitFor();
  await page.getByText('To tłumaczenie nie zostało jeszcze sprawdzone').waitFor();
  await page.getByRole('link', { name: 'O dziecko' }).click();
  await page.waitForURL(/\/hulp\/kind\?taal=pl$/);
  await page.getByRole('heading', { level: 1, name: 'Niepokój o dziecko' }).waitFor();
  // Phone numbers are tel: links.
  assert.equal(await page.locator('a[href="tel:08002000"]').count() > 0, true);
  // The keyboard reaches quick-exit at once: right after the skip link.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'snel-weg');
  // Quick-exit replaces the page in the history: Back does not return to the public page.
  await page.getByRole('link', { name: 'Szybkie wyjście' }).click();
  await page.waitForURL(QUICK_EXIT);
  await page.goBack();
  assert.ok(page.url().endsWith('/hulp?taal=pl') || page.url().endsWith('/hulp'),
    `Back went to ${page.url()}, the page left was /hulp/kind`);
  assert.ok(!page.url().includes('/hulp/kind'), `Back returned to the page left: ${page.url()}`);
  // Nothing was stored: no public page or its files set a cookie.
  assert.deepEqual(publicCookies, [], 'cookies set by the public pages');
  await context.close();
});

test('Escape pressed twice leaves the site', async () => {
  const context = await browser.newContext();
  await answerQuickExit(context);
  const page = await context.newPage();
  await page.goto(`${server.base}/hulp/buur?taal=ro`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.waitForURL(QUICK_EXIT);
  await context.close();
});

test('the language switch keeps the page and every link keeps the language', async () => {
  const context = await browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto(`${server.base}/hulp/werkgevers`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
  assert.equal(await page.getByRole('note').count(), 0, 'Dutch is reviewed: no notice');
  await page.getByRole('link', { name: 'Български' }).click();
  await page.waitForURL(/\/hulp\/werkgevers\?taal=bg$/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'bg');
  await page.getByRole('heading', { level: 1, name: 'Информация за работодатели' }).waitFor();
  await page.getByRole('link', { name: 'Обратно към началото' }).click();
  await page.waitForURL(/\/hulp\?taal=bg$/);
  await context.close();
});

test('every public page works without JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
  await answerQuickExit(context);
  const page = await context.newPage();
  for (const lang of LANGUAGES) {
    for (const path of PAGES) {
      const url = `${server.base}${path}?taal=${lang}`;
      const response = await page.goto(url);
      assert.equal(response.status(), 200, url);
      assert.equal(response.headers()['set-cookie'], undefined, `${url} sets a cookie`);
      const html = await response.text();
      assert.match(html, new RegExp(`<html lang="${lang}">`), url);
      assert.match(html, /<h1>[^<]+<\/h1>/, url);
    }
  }
  // Without script, quick-exit is a plain link that still leaves the site, and the links between
  // the pages work.
  await page.goto(`${server.base}/hulp?taal=en`);
  await page.getByRole('link', { name: 'A child' }).click();
  await page.waitForURL(/\/hulp\/kind\?taal=en$/);
  await page.getByRole('link', { name: 'Leave this site now' }).click();
  await page.waitForURL(QUICK_EXIT);
  await context.close();
});

test('every public page fits 320 px and is axe-clean in every language', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  for (const lang of LANGUAGES) {
    for (const path of PAGES) {
      const url = `${path}?taal=${lang}`;
      await page.goto(`${server.base}${url}`);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= 320, `${url} is ${scrollWidth} px wide at 320 px`);
      assert.deepEqual(await accessibilityViolations(page), [], url);
    }
  }
  await context.close();
});

test('the public pages are axe-clean on a laptop screen', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  for (const path of PAGES) {
    await page.goto(`${server.base}${path}?taal=pl`);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 1366, `${path} is ${scrollWidth} px wide`);
    assert.deepEqual(await accessibilityViolations(page), [], path);
  }
  await context.close();
});
