import { expect, test } from '@playwright/test';
import { screenshot, signInAsGuest } from './support';

test('a go-service created in the portal lands in the catalog with its guidance, offline', async ({ page }) => {
  test.setTimeout(240_000);
  const name = `e2e-orders-${Date.now().toString(36)}`;
  await signInAsGuest(page);
  await page.goto('/create');
  await expect(page.getByText('Go service').first()).toBeVisible();
  await page.goto('/create/templates/default/go-service');

  await page.getByRole('textbox', { name: /^Name/ }).fill(name);
  const owner = page.getByRole('combobox', { name: /Owner/ }).or(page.getByRole('textbox', { name: /Owner/ })).first();
  await owner.click();
  await owner.fill('payments-team');
  const option = page.getByRole('option', { name: /payments-team/i }).first();
  if (await option.isVisible({ timeout: 10_000 }).catch(() => false)) await option.click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click(); // delivery: defaults
  await page.getByRole('button', { name: /review/i }).click(); // repository: local
  await page.getByRole('button', { name: /create/i }).click();

  // The task runs every step, guidance:validate included, and publishes locally.
  await expect(page.getByText(/guidance:validate|Check against the guidance|Validate/i).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('link', { name: /open in catalog|catalog/i }).first()).toBeVisible({ timeout: 120_000 });
  await screenshot(page, 'golden-path-task');

  // The new entity is in the catalog, and its Guidance tab lists the articles it follows.
  await expect(async () => {
    await page.goto(`/catalog/default/component/${name}/guidance`);
    await expect(page.getByTestId('guidance-item-golden-paths')).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByText('Followed guidance')).toBeVisible();
  await screenshot(page, 'golden-path-entity-guidance');

  // Conformance: evaluated on demand (the schedule would get there too), every rule that
  // applies to the generated manifests passes.
  const evaluate = page.getByRole('button', { name: 'Evaluate now' });
  if (await evaluate.isVisible({ timeout: 10_000 }).catch(() => false)) await evaluate.click();
  const headline = page.getByTestId('conformance-headline');
  await expect(headline).toHaveText(/Follows the paved road: \d+ of \d+ rules?/, { timeout: 60_000 });
  const [, passing, total] = /(\d+) of (\d+)/.exec((await headline.textContent()) ?? '')!;
  expect(Number(total)).toBeGreaterThan(10);
  expect(Number(passing)).toBe(Number(total));
  await expect(headline).not.toContainText('failing');
  await screenshot(page, 'golden-path-entity-conformance');
});
