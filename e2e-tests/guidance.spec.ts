import { expect, test } from '@playwright/test';
import { isScrolledTo, screenshot, signInAsGuest } from './support';

test.describe('guidance in the portal', () => {
  test('the library searches as you type and a result opens its section', async ({ page }) => {
    await signInAsGuest(page);
    await page.goto('/guidance');
    await expect(page.getByRole('navigation', { name: 'Categories' })).toBeVisible();
    await expect(page.getByTestId('article-card-saga-pattern')).toBeVisible();
    await screenshot(page, 'library');

    await page.getByRole('textbox', { name: 'Search guidance' }).fill('pgbouncer transaction mode');
    const results = page.getByRole('list', { name: 'Search results' });
    const first = results.getByRole('link').first();
    await expect(first).toHaveAttribute('href', /\/guidance\/database-connection-pooling#[a-z0-9-]+/);
    const href = (await first.getAttribute('href'))!;
    const heading = href.split('#')[1];
    await first.click();

    await expect(page).toHaveURL(new RegExp(`/guidance/database-connection-pooling#${heading}$`));
    await expect(page.locator(`[id="${heading}"]`)).toBeVisible();
    await expect.poll(() => isScrolledTo(page, `[id="${heading}"]`)).toBe(true);
  });

  test('the reader: contents scroll, code copies, callouts and tables render', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signInAsGuest(page);
    await page.goto('/guidance/database-connection-pooling');
    const article = page.getByTestId('guidance-article');
    await expect(article.getByRole('heading', { name: 'Sizing arithmetic' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Guidance articles' }).getByRole('link', { name: /Connection Pooling/ })).toHaveAttribute('aria-current', 'page');

    // Table of contents: a click scrolls the heading into view and updates the URL.
    const toc = page.getByRole('navigation', { name: 'On this page' });
    await toc.getByRole('link', { name: 'What goes wrong' }).click();
    await expect(page).toHaveURL(/#what-goes-wrong$/);
    await expect.poll(() => isScrolledTo(page, '[id="what-goes-wrong"]')).toBe(true);

    // Copy button copies the block's code.
    const copy = article.getByRole('button', { name: 'Copy code' }).first();
    await copy.scrollIntoViewIfNeeded();
    await copy.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.length).toBeGreaterThan(10);

    await expect(article.locator('[data-callout]').first()).toBeVisible();
    await expect(article.locator('table').first()).toBeVisible();
    await article.locator('table').first().scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'reader-light');
  });

  // The demo's articles come from folders, which give no editUrl: the test adds a GitHub one to
  // the article the backend serves, so the reader treats it as an article kept on GitHub.
  test('a heading and selected text open a new issue in the article\'s repository', async ({ page }) => {
    const editUrl = 'https://github.com/acme/guidance/blob/main/articles/database-connection-pooling.md';
    await signInAsGuest(page);
    await page.route(/\/api\/guidance\/articles\/database-connection-pooling$/, async route => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), editUrl } });
    });
    await page.goto('/guidance/database-connection-pooling');
    const article = page.getByTestId('guidance-article');

    const heading = article.locator('h2#sizing-arithmetic');
    await heading.hover();
    const headingLink = heading.getByRole('link', { name: 'Report a problem with “Sizing arithmetic”' });
    await expect(headingLink).toBeVisible();
    // it sits in the heading's top margin: adding it after the first paint re-wraps no heading
    const [linkBox, headingBox] = [await headingLink.boundingBox(), await heading.boundingBox()];
    expect(linkBox!.y + linkBox!.height).toBeLessThanOrEqual(headingBox!.y + 1);
    await page.screenshot({ path: 'test-results/report-issue-heading.png' });
    const fromHeading = new URL((await headingLink.getAttribute('href'))!);
    expect(`${fromHeading.origin}${fromHeading.pathname}`).toBe('https://github.com/acme/guidance/issues/new');
    expect(fromHeading.searchParams.get('body')).toMatch(/\/guidance\/database-connection-pooling#sizing-arithmetic>\)/);

    // the first paragraph right under the sizing section's heading (or one of its subheadings),
    // selected with the mouse
    const paragraph = article.locator('h2#sizing-arithmetic ~ :is(h2, h3) + p, h2#sizing-arithmetic + p').first();
    const sectionId = await paragraph.evaluate(p => p.previousElementSibling!.id);
    await paragraph.scrollIntoViewIfNeeded();
    await paragraph.click({ clickCount: 3 });
    const selectionLink = page.getByRole('link', { name: 'Report a problem with this text' });
    await expect(selectionLink).toBeVisible();
    const words = ((await paragraph.textContent()) ?? '').trim().split(/\s+/).slice(0, 4).join(' ');
    const fromSelection = new URL((await selectionLink.getAttribute('href'))!);
    expect(fromSelection.searchParams.get('body')).toContain(`/guidance/database-connection-pooling#${sectionId}>)`);
    expect(fromSelection.searchParams.get('body')).toContain(`> ${words}`);
    await screenshot(page, 'reader-report-issue');

    // a single click in the text clears the selection, and the link goes with it
    await paragraph.click();
    await expect(selectionLink).toBeHidden();
  });

  test('the reader reads well in the dark theme', async ({ page }) => {
    await signInAsGuest(page, 'dark');
    await page.goto('/guidance/saga-pattern');
    await expect(page.getByTestId('guidance-article').getByRole('heading').first()).toBeVisible();
    await expect(page.getByTestId('mermaid-diagram').first()).toBeVisible({ timeout: 30_000 });
    await screenshot(page, 'reader-dark');
  });

  test("an entity's Guidance tab lists its articles and opens one", async ({ page }) => {
    await signInAsGuest(page);
    await page.goto('/catalog/default/component/orders-service/guidance');
    const linked = page.getByTestId('guidance-item-saga-pattern');
    await expect(linked).toBeVisible();
    // A rule match says why it is suggested.
    await expect(page.getByText('tag postgres').first()).toBeVisible();
    await screenshot(page, 'entity-guidance-tab');
    await linked.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/guidance\/saga-pattern/);
    await expect(page.getByTestId('guidance-article')).toBeVisible();
  });

  test('the article lists the entities that follow it', async ({ page }) => {
    await signInAsGuest(page);
    await page.goto('/guidance/saga-pattern');
    const followed = page.locator('section[aria-labelledby="guidance-followed-by"]');
    await expect(followed.getByRole('link', { name: /orders/i })).toBeVisible();
  });

  test('hostile Markdown runs none of its scripts', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', async d => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await signInAsGuest(page);
    await page.goto('/guidance/hostile-markdown');
    const article = page.getByTestId('guidance-article');
    await expect(article.getByRole('cell', { name: 'safe' })).toBeVisible();

    // Click everything that could carry a script.
    for (const name of ['a javascript link', 'raw link', 'click me']) {
      const target = article.getByText(name, { exact: true });
      if (await target.count()) await target.first().click({ force: true }).catch(() => undefined);
    }
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as any).__probe)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await article.locator('script, iframe').count()).toBe(0);
    const hrefs = await article.locator('[href], [src]').evaluateAll(els =>
      els.map(e => e.getAttribute('href') ?? e.getAttribute('src') ?? ''),
    );
    expect(hrefs.filter(h => /^\s*(javascript|data):/i.test(h))).toEqual([]);
    const handlers = await article.locator('*').evaluateAll(els =>
      els.flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on')),
    );
    expect(handlers).toEqual([]);
  });
});
