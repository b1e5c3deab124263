import { startServer, startBrowser, login } from './harness.js';
const server = await startServer(['--scale', '0.2']);
const browser = await startBrowser();
try {
  for (const [user, path, name] of [['vt.medewerker', '/werkvoorraad', 'vt-queue'], ['vt.teamleider', '/werkvoorraad', 'tl-queue'], ['wijkteam.venlo', '/werkvoorraad', 'lt-queue'], ['vt.medewerker', '/', 'vt-home']]) {
    for (const [w, h] of [[1366, 768], [390, 844]]) {
      const ctx = await browser.newContext({ viewport: { width: w, height: h } });
      const page = await ctx.newPage();
      await login(page, server.base, user);
      await page.goto(server.base + path);
      await page.screenshot({ path: `/tmp/look-${name}-${w}.png`, fullPage: false });
      const text = await page.locator('main').innerText();
      if (w === 1366) console.log(`== ${user} ${path}\n` + text.slice(0, 1200));
      await ctx.close();
    }
  }
} finally { await browser.close(); await server.stop(); }
