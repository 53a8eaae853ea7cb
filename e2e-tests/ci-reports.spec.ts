import { execFile } from 'child_process';
import { join } from 'path';
import { expect, test } from '@playwright/test';
import { openGuidanceTab, screenshot, signInAsGuest } from './support';

// A CI job's view: `paved-road check` on the example reports-worker repository pushes its report
// with the demo's report token (app-config.yaml, backend.auth.externalAccess); the entity page
// shows it beside the scheduled evaluation. The token can do nothing else.
const BACKEND = 'http://localhost:7007';
const TOKEN = process.env.PAVED_ROAD_REPORT_TOKEN ?? 'local-report-token-change-me';
const REPOSITORY = join(__dirname, '../examples/services/reports-worker');
const CLI = join(__dirname, '../packages/cli/bin/paved-road');

function pavedRoad(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>(resolve => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: REPOSITORY, env: { ...process.env, PAVED_ROAD_REPORT_TOKEN: TOKEN } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const push = (ref: string, extra: string[] = []) =>
  pavedRoad([
    'check',
    '--format',
    'json',
    '--report-ref',
    ref,
    '--entity',
    'component:default/reports-worker',
    '--report-portal',
    BACKEND,
    ...extra,
  ]);

test.describe('CI reports', () => {
  test('a report pushed with the report token shows on the entity page; the token reads nothing', async ({ page }) => {
    // the entity page first: the catalog has read the example, and it has been evaluated
    await signInAsGuest(page);
    await openGuidanceTab(page, 'reports-worker');

    const main = await push('main', ['--commit', '0123456789abcdef0123456789abcdef01234567']);
    // three rules fail in the example: the check fails, and the report is pushed all the same
    expect(main.stderr).toBe('paved-road: report for main pushed to component:default/reports-worker\n');
    expect(main.code).toBe(1);
    const pull = await push('pull/42', [
      '--report-url',
      'https://github.com/acme/reports-worker/pull/42',
      '--report-title',
      'Move to the Helm chart',
    ]);
    expect(pull.stderr).toContain('report for pull/42 pushed');

    for (const path of ['/api/guidance/articles', '/api/catalog/entities']) {
      const res = await fetch(`${BACKEND}${path}`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      expect([path, res.status]).toEqual([path, 403]);
    }

    await page.reload();
    const ci = page.getByTestId('ci-report-default');
    await expect(ci).toContainText('CI on main');
    // the example also has no on-call annotation (oncall-annotation)
    await expect(ci).toContainText('4 failing · 1 waived');
    await expect(ci).toContainText('0123456');
    await expect(ci).toContainText(/Every container has a memory limit — deploy\/deployment\.yaml:\d+/);
    const pulls = page.getByRole('region', { name: 'Pull requests (1)' });
    await expect(
      pulls.getByRole('link', { name: /^pull\/42: Move to the Helm chart/ }),
    ).toHaveAttribute('href', 'https://github.com/acme/reports-worker/pull/42');
    await ci.scrollIntoViewIfNeeded();
    await screenshot(page, 'entity-ci-reports');
  });
});
