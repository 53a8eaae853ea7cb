import { expect, test } from '@playwright/test';
import { signInAsGuest } from './support';

// The fixture article e2e-tests/fixtures/guidance/stale-review-probe.md was reviewed in 2023,
// longer ago than guidance.reviewIntervalDays (365 by default).
test.describe('review provenance', () => {
  test('an article with an old review is marked "may be out of date" on its card and in the reader', async ({ page }) => {
    await signInAsGuest(page);
    await page.goto('/guidance');
    const card = page.getByTestId('article-card-stale-review-probe');
    await expect(card).toBeVisible();
    await expect(card.getByText('may be out of date')).toBeVisible();

    await card.getByRole('link', { name: 'Stale review probe' }).click();
    await expect(page).toHaveURL(/\/guidance\/stale-review-probe$/);
    const provenance = page.getByTestId('article-provenance');
    await expect(provenance).toContainText(
      'Reviewed 2023-01-15 against Kubernetes 1.26, External Secrets 0.7',
    );
    await expect(provenance.getByText('may be out of date')).toBeVisible();
    await page.screenshot({ path: 'test-results/provenance-stale-reader.png' });
  });

  // e2e-tests/fixtures/guidance/eol-version-probe.md: reviewed recently, verified against Kubernetes 1.25
  test('an article verified against an end-of-life release is served stale with its reason, shown in the reader and the library', async ({ page }) => {
    await signInAsGuest(page);
    await page.goto('/guidance');
    const card = page.getByTestId('article-card-eol-version-probe');
    await expect(card.getByText('may be out of date')).toBeVisible();
    await expect(card.getByTestId('stale-reasons')).toHaveText(
      'Kubernetes 1.25: end of life since 2023-10-27',
    );

    await card.getByRole('link', { name: 'End-of-life version probe' }).click();
    await expect(page).toHaveURL(/\/guidance\/eol-version-probe$/);
    const provenance = page.getByTestId('article-provenance');
    await expect(provenance).toContainText('Reviewed 2026-12-01 against Kubernetes 1.25');
    await expect(provenance.getByText('may be out of date')).toBeVisible();
    await expect(provenance.getByTestId('stale-reason')).toHaveText([
      'Kubernetes 1.25: end of life since 2023-10-27',
    ]);
    await page.screenshot({ path: 'test-results/provenance-eol-reader.png' });
  });
});
