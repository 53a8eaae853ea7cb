import { expect, test } from '@playwright/test';
import {
  isScrolledTo,
  openGuidanceTab,
  screenshot,
  signInAsGuest,
} from './support';

// The example services have their own source folders (examples/services/*): payments-api follows
// every rule, reports-worker breaks three and waives one. The conformance service evaluates them
// a few seconds after the backend starts; "Evaluate now" covers a page opened before that.
test.describe('conformance', () => {
  test('the service with violations shows its failing rules with evidence, and the link opens the heading', async ({ page }) => {
    await signInAsGuest(page);
    const headline = await openGuidanceTab(page, 'reports-worker');
    await expect(headline).toHaveText(/^Follows the paved road: \d+ of \d+ rules$/);

    const failing = page.getByRole('region', { name: 'Failing rules (3)' });
    await expect(failing).toBeVisible();
    const memory = failing.getByTestId('rule-memory-limit');
    await expect(memory).toContainText('Every container has a memory limit');
    // file:line:column of the container the finding is about
    await expect(memory).toContainText(
      /deploy\/deployment\.yaml:\d+:\d+ · Deployment\/reports-worker: container "worker"/,
    );
    await expect(failing.getByTestId('rule-secret-env')).toContainText('SMTP_PASSWORD');
    await expect(failing.getByTestId('rule-served-api-version')).toContainText(
      /deploy\/pdb\.yaml:\d+:\d+ · PodDisruptionBudget\/reports-worker/,
    );
    const waived = page.getByRole('region', { name: 'Waived rules (1)' });
    await expect(waived).toContainText('Waived until 2027-03-31: vendor image publishes major tags only');
    await screenshot(page, 'entity-conformance');

    // each rule links to its own section (what, why, fix, waive)
    await memory.getByRole('link', { name: /Rule: memory-limit/ }).click();
    await expect(page).toHaveURL(/\/guidance\/golden-paths#rule-memory-limit$/);
    const heading = '[id="rule-memory-limit"]';
    await expect(page.locator(heading)).toBeVisible();
    await expect.poll(() => isScrolledTo(page, heading)).toBe(true);
  });

  test('the service that follows the guidance passes every rule that applies', async ({ page }) => {
    await signInAsGuest(page);
    await openGuidanceTab(page, 'payments-api');
    await expect(page.getByRole('region', { name: /^Failing rules/ })).toHaveCount(0);
    await expect(page.getByText(/^0 failing/)).toBeVisible();
  });

  test('the Conformance page lists both example services', async ({ page }) => {
    await signInAsGuest(page);
    // make sure both are evaluated, whatever the schedule did so far
    await openGuidanceTab(page, 'payments-api');
    await openGuidanceTab(page, 'reports-worker');
    await page.goto('/guidance/conformance');
    const services = page.locator('[class*="BackstageTable-root"]').filter({
      has: page.getByRole('heading', { name: /^Services \(/ }),
    });
    // links show the entities' titles once the catalog has answered: find them by address
    const link = (name: string) => services.locator(`a[href="/catalog/default/component/${name}"]`);
    await expect(link('payments-api')).toBeVisible();
    await expect(link('reports-worker')).toBeVisible();
    const byRule = page.locator('[class*="BackstageTable-root"]').filter({
      has: page.getByRole('heading', { name: 'By rule' }),
    });
    await expect(byRule.getByText('Every container has a memory limit')).toBeVisible();
    await screenshot(page, 'conformance-page');
    await byRule
      .getByRole('button', { name: 'Show the services memory-limit applies to, failing first' })
      .click();
    await expect(page.getByRole('button', { name: 'Rule: memory-limit' })).toBeVisible();
    const rows = services.getByRole('row');
    await expect(rows.nth(1).locator('a[href$="/component/reports-worker"]')).toBeVisible();
    await expect(rows.nth(1)).toContainText('fail');
    // passing services follow, in name order: other tests may have created more services by now
    const payments = rows.filter({ has: page.locator('a[href$="/component/payments-api"]') });
    await expect(payments).toContainText('pass');
  });
});
