import { expect, test } from '@playwright/test';
import { signInAsGuest } from './support';

test("guidance sections show on the portal's search page with a short snippet, a Guidance type filter, and open their heading", async ({
  page,
}) => {
  await signInAsGuest(page);
  // The collator runs on the scheduler shortly after start-up: search again until it has indexed.
  const result = page
    .locator('a[href*="/guidance/database-connection-pooling#"]')
    .first();
  await expect(async () => {
    await page.goto('/search?query=pgbouncer%20prepared%20statements');
    await expect(result).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 90_000 });

  // A snippet of two or three lines around the matched words, not the whole section.
  const snippet = page.getByTestId('guidance-search-snippet').first();
  await expect(snippet).toBeVisible();
  const text = (await snippet.textContent())!;
  expect(text.length).toBeLessThanOrEqual(260);
  expect(text).not.toMatch(/\|\s*---|---\s*\|/);
  await expect(snippet.locator('mark').first()).toBeVisible();
  const marked = await snippet.locator('mark').allTextContents();
  expect(
    marked.every(m => /^(pgbouncer|prepared|statements?)/i.test(m)),
  ).toBe(true);
  const box = await snippet.boundingBox();
  const lineHeight = await snippet.evaluate(
    el => parseFloat(getComputedStyle(el).lineHeight) || 20,
  );
  expect(box!.height).toBeLessThanOrEqual(lineHeight * 3 + 2);

  // The Result Type filter has a Guidance entry that narrows the results to guidance.
  await page.goto('/search?query=postgres');
  const guidanceType = page
    .getByRole('button', { name: /^Guidance/ })
    .or(page.getByRole('menuitem', { name: /^Guidance/ }))
    .first();
  await expect(guidanceType).toBeVisible();
  await guidanceType.click();
  await expect(page).toHaveURL(/types.*guidance/);
  const results = page.locator('a[href^="/guidance/"]');
  await expect(results.first()).toBeVisible();
  await expect(page.locator('a[href^="/catalog/"]')).toHaveCount(0);

  // The deep link opens the article at its heading.
  await page.goto('/search?query=pgbouncer%20prepared%20statements');
  await expect(result).toBeVisible();
  const href = (await result.getAttribute('href'))!;
  await result.click();
  await expect(page).toHaveURL(new RegExp(`${href.split('#')[1]}$`));
  await expect(page.getByTestId('guidance-article')).toBeVisible();
});
