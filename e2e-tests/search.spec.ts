import { expect, test } from '@playwright/test';
import { signInAsGuest } from './support';

test("guidance sections show on the portal's search page and open their heading", async ({ page }) => {
  await signInAsGuest(page);
  // The collator runs on the scheduler shortly after start-up: search again until it has indexed.
  const result = page.locator('a[href*="/guidance/database-connection-pooling#"]').first();
  await expect(async () => {
    await page.goto('/search?query=pgbouncer%20pool%20modes');
    await expect(result).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 90_000 });
  const href = (await result.getAttribute('href'))!;
  await result.click();
  await expect(page).toHaveURL(new RegExp(`${href.split('#')[1]}$`));
  await expect(page.getByTestId('guidance-article')).toBeVisible();
});
