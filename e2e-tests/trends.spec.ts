import { expect, test } from '@playwright/test';
import { screenshot, signInAsGuest } from './support';

// The history comes from the backend itself: each scheduled conformance run records today's
// statuses, and the e2e config (guidance.conformance.history.demoSeedDays: 30) has the run fill
// the 30 days before today through the same history store, simulated from today's statuses.
// Nothing on the page is drawn from data written by the test.

test.describe('conformance trends', () => {
  test('the conformance page draws 30 days per rule and per owner, the movers and a rule preview', async ({
    page,
  }) => {
    await signInAsGuest(page);
    const caption = page.getByTestId('trend-caption');
    // the first scheduled runs may still be under way: reload until the history is there
    await expect(async () => {
      await page.goto('/guidance/conformance');
      await expect(caption).toHaveText(
        /^Failing \d+ → \d+, passing \d+ → \d+ over (2\d|3\d) days with data$/,
        {
          timeout: 15_000,
        },
      );
    }).toPass({ timeout: 240_000 });
    const byRule = page.getByTestId('trend-by-rule');
    // one line per rule, drawn as SVG paths by the chart: 30 days, so a path of 30 points (a
    // rule whose count never changes is a flat line, which has no height and is not "visible")
    await expect(
      byRule.locator('.recharts-line path.recharts-line-curve').first(),
    ).toHaveAttribute('d', /^M[\d.]+,[\d.]+(C[^C]+){20,}$/);
    expect(await byRule.locator('.recharts-line').count()).toBeGreaterThan(1);
    // only the most failing rules are drawn, so the legend leaves the chart its height
    expect(
      await byRule.locator('.recharts-legend-item').count(),
    ).toBeLessThanOrEqual(8);
    const plot = await byRule
      .locator('.recharts-cartesian-grid')
      .first()
      .boundingBox();
    expect(plot?.height ?? 0).toBeGreaterThan(120);
    const byOwner = page.getByTestId('trend-by-owner');
    await expect(
      byOwner.locator('.recharts-legend-item-text', {
        hasText: 'group:default/platform-team',
      }),
    ).toBeVisible();
    await expect(
      byOwner.locator('.recharts-legend-item-text', {
        hasText: 'group:default/payments-team',
      }),
    ).toBeVisible();
    await expect(
      page
        .getByTestId('most-improved')
        .or(page.getByTestId('most-regressed'))
        .first(),
    ).toBeVisible();
    // the blast radius of a rule reports-worker breaks
    await page.getByTestId('preview-rule-select').locator('..').click();
    await page.getByRole('option', { name: /\(memory-limit\)/ }).click();
    await expect(page.getByTestId('preview-summary')).toHaveText(
      /^Enforcement: enforce \(today: enforce\)\. \d+ services? would fail, owned by \d+ owners?\.$/,
    );
    await expect(
      page
        .locator('a[href="/catalog/default/component/reports-worker"]')
        .last(),
    ).toBeVisible();
    await page.getByTestId('trend-by-rule').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'conformance-trends');
    await page.getByTestId('preview-summary').scrollIntoViewIfNeeded();
    await screenshot(page, 'conformance-rule-preview');
  });

  test('the entity panel draws the service’s own 30 days', async ({ page }) => {
    await signInAsGuest(page);
    const trend = page.getByTestId('entity-conformance-trend');
    await expect(async () => {
      await page.goto('/catalog/default/component/reports-worker/guidance');
      await expect(trend).toContainText(
        /Failing \d+ → \d+, passing \d+ → \d+ over (2\d|3\d) days with data/,
        {
          timeout: 15_000,
        },
      );
    }).toPass({ timeout: 240_000 });
    await expect(
      trend.locator('.recharts-line path.recharts-line-curve').first(),
    ).toBeVisible();
    await expect(
      trend.locator('.recharts-legend-item-text', { hasText: 'failing' }),
    ).toBeVisible();
    await trend.scrollIntoViewIfNeeded();
    await screenshot(page, 'entity-conformance-trend');
  });

  test('the owner of a service whose waiver runs out finds it on the notifications page', async ({
    page,
  }) => {
    await signInAsGuest(page);
    // sent by a scheduled run through the notifications backend, pushed with signals
    const notice = page.getByText(
      /component:default\/worker-with-waiver: waiver (expires soon|expired) \(image-pinned\)/,
    );
    await expect(async () => {
      await page.goto('/notifications');
      await expect(notice).toBeVisible({ timeout: 15_000 });
    }).toPass({ timeout: 240_000 });
    // told once, however many runs saw it
    await expect(notice).toHaveCount(1);
    await screenshot(page, 'conformance-notification');
  });
});
