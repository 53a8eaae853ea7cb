import { Page, expect } from '@playwright/test';
import { mkdirSync } from 'fs';
import { join } from 'path';

export const SCREENSHOTS = join(__dirname, 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

/** Signs in with the guest provider; the session then lasts for the page. */
export async function signInAsGuest(page: Page, theme: 'light' | 'dark' = 'light') {
  await page.addInitScript(t => window.localStorage.setItem('theme', t), theme);
  await page.goto('/');
  const enter = page.getByRole('button', { name: /enter/i });
  const signedIn = page.locator('nav[aria-label="sidebar nav"]');
  await expect(enter.or(signedIn).first()).toBeAttached({ timeout: 90_000 });
  if (await enter.isVisible()) {
    await enter.click();
    await expect(enter).toBeHidden();
  }
  await expect(signedIn).toBeAttached();
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** True when the element's top is within the viewport (it was scrolled to). */
export async function isScrolledTo(page: Page, selector: string) {
  return page.locator(selector).evaluate(el => {
    const r = el.getBoundingClientRect();
    return r.top >= -2 && r.top < window.innerHeight / 2;
  });
}

/**
 * Opens a service's Guidance tab once its conformance is there. The conformance service evaluates
 * the examples a few seconds after the backend starts; a page opened before that asks with
 * "Evaluate now", and on a backend that has just started (the first test of a run) the evaluation
 * can outlast one wait, so the page is reloaded until the headline shows.
 */
export async function openGuidanceTab(page: Page, name: string) {
  const headline = page.getByTestId('conformance-headline');
  const notYet = page.getByText(/Not evaluated yet/);
  await expect(async () => {
    await page.goto(`/catalog/default/component/${name}/guidance`);
    await expect(headline.or(notYet).first()).toBeVisible({ timeout: 60_000 });
    if (await notYet.isVisible()) {
      await page.getByRole('button', { name: 'Evaluate now' }).click();
    }
    await expect(headline).toBeVisible({ timeout: 20_000 });
  }).toPass({ timeout: 180_000 });
  return headline;
}
