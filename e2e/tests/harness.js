// Starts `schakel demo` on a fresh data folder and a free port, and Debian's chromium through
// playwright-core. Nothing here downloads a browser.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO_PASSWORD = 'schakel-demo-2026';

export async function startServer(extraArgs = []) {
  const bin = process.env.SCHAKEL_BIN || path.join(root, 'target', 'debug', 'schakel');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'schakel-e2e-'));
  const child = spawn(bin, ['demo', '--data-dir', dataDir, '--listen', '127.0.0.1:0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SCHAKEL_LOG: 'warn' },
  });
  let output = '';
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    const onData = (chunk) => {
      output += chunk.toString();
      const m = output.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c) => { output += c.toString(); });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    base,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

export async function login(page, base, username) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForLoadState('domcontentloaded');
}

export async function logout(page) {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.waitForURL(/\/login$/);
}

// WCAG 2.1 AA, as required of Dutch public bodies.
export async function accessibilityViolations(page) {
  const result = await new AxeBuilder({ page: page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

// Presses a case action's button and fails with the page's error message when the action is refused.
export async function submitAction(page, buttonName) {
  await Promise.all([page.waitForLoadState('domcontentloaded'), page.getByRole('button', { name: buttonName }).click()]);
  const error = page.locator('.alert--error');
  if (await error.count()) {
    throw new Error(`${buttonName}: ${await error.first().innerText()}`);
  }
}

// Fills a melding by the police about a child (and the mother) in Venlo and runs the known-before
// check. Used by the known-before and the merge tests.
export async function fillMelding(page, child, { withMother }) {
  await page.goto(new URL('/intake', page.url()).href);
  await page.getByLabel('Soort melder').selectOption('justitie_en_veiligheid');
  await page.getByLabel('Organisatie melder').fill('Politie Limburg');
  await page.locator('#b0-rol').selectOption('kind_in_gezin');
  await page.locator('#b0-naam').fill(child);
  await page.locator('#b0-gd').fill('2017-05-06');
  await page.locator('#b0-gem').selectOption('Venlo');
  if (withMother) {
    await page.locator('#b1-rol').selectOption('slachtoffer');
    await page.locator('#b1-naam').fill('Sanne Verzonnen');
    await page.locator('#b1-gd').fill('1989-09-14');
    await page.locator('#b1-gem').selectOption('Venlo');
  }
  await page.getByLabel('Lichamelijke mishandeling').check();
  await page.getByLabel('Omschrijving').fill('Melding van de politie na een ruzie thuis.');
  await submitAction(page, 'Controleren of betrokkenen bekend zijn');
}
