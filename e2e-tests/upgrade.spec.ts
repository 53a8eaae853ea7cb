import { expect, test, APIRequestContext } from '@playwright/test';
import fs from 'fs';
import { join, resolve } from 'path';
import git from 'isomorphic-git';
import { screenshot, signInAsGuest } from './support';

// The backend's publishLocal root in app-config.e2e.yaml, seen from the repository root.
const LOCAL_REPOS = resolve(__dirname, '.local-repos');
const FIXTURE = join(__dirname, 'fixtures/upgradable-template');
const BACKEND = 'http://localhost:7007';

async function guestToken(request: APIRequestContext): Promise<string> {
  const res = await request.post(`${BACKEND}/api/auth/guest/refresh`);
  expect(res.ok()).toBe(true);
  return (await res.json()).backstageIdentity.token;
}

function copyTemplate(target: string, name: string) {
  fs.cpSync(FIXTURE, target, { recursive: true });
  const file = join(target, 'template.yaml');
  fs.writeFileSync(
    file,
    fs.readFileSync(file, 'utf8').replace('__TEMPLATE_NAME__', name),
  );
}

/** Version 2: a changed liveness probe path, the version bump and its changelog entry. */
function bumpTemplate(target: string) {
  const edit = (path: string, from: string | RegExp, to: string) => {
    const file = join(target, path);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(from, to));
  };
  edit('content/deploy/deployment.yaml', 'path: /healthz', 'path: /livez');
  edit(
    'template.yaml',
    /paved-road\.dev\/template-version: ['"]1['"]/,
    "paved-road.dev/template-version: '2'",
  );
  edit(
    'CHANGELOG.md',
    '## v1',
    '## v2 — 2026-11-24\n\nLiveness probe moved to /livez.\n\n## v1',
  );
}

test('a service created from an older template version is offered the upgrade and gets a branch', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const id = Date.now().toString(36);
  const templateName = `e2e-upgradable-${id}`;
  const service = `e2e-upgraded-${id}`;
  // The catalog's locations API takes no file: targets. The template lives in a Git repository
  // under the publish root, whose catalog-info.yaml is a Location naming it: the local
  // repositories catalog module finds it, as it finds every generated service.
  const templateDir = join(LOCAL_REPOS, `templates-${id}`);
  copyTemplate(templateDir, templateName);
  await git.init({ fs, dir: templateDir, defaultBranch: 'main' });
  fs.writeFileSync(
    join(templateDir, 'catalog-info.yaml'),
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Location',
      `metadata: { name: ${templateName} }`,
      'spec: { type: file, targets: [./template.yaml] }',
      '',
    ].join('\n'),
  );

  const token = await guestToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  const templateRef = `template:default/${templateName}`;
  await expect(async () => {
    const res = await request.get(
      `${BACKEND}/api/catalog/entities/by-name/template/default/${templateName}`,
      { headers },
    );
    expect(res.status()).toBe(200);
  }).toPass({ timeout: 60_000 });

  // Create the service at v1 through the scaffolder.
  const task = await request.post(`${BACKEND}/api/scaffolder/v2/tasks`, {
    headers,
    data: { templateRef, values: { name: service } },
  });
  expect(task.status(), await task.text()).toBe(201);
  const taskId = (await task.json()).id;
  await expect(async () => {
    const res = await request.get(
      `${BACKEND}/api/scaffolder/v2/tasks/${taskId}`,
      { headers },
    );
    expect((await res.json()).status).toBe('completed');
  }).toPass({ timeout: 90_000 });
  const repo = join(LOCAL_REPOS, service);
  expect(fs.existsSync(join(repo, '.paved-road/answers.yaml'))).toBe(true);

  // The template moves to v2; the catalog picks it up.
  bumpTemplate(templateDir);
  await request.post(`${BACKEND}/api/catalog/refresh`, {
    headers,
    data: { entityRef: templateRef },
  });
  await expect(async () => {
    const res = await request.get(
      `${BACKEND}/api/scaffolder/guidance/templates/${templateName}/versions`,
      { headers },
    );
    expect((await res.json()).version).toBe(2);
  }).toPass({ timeout: 90_000 });

  // The Guidance tab shows the drift and the changelog, and the button opens the upgrade.
  await signInAsGuest(page);
  await expect(async () => {
    await page.goto(`/catalog/default/component/${service}/guidance`);
    await expect(
      page.getByText(`Created from ${templateName} v1 — v2 is available`),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByText('Liveness probe moved to /livez.')).toBeVisible();
  await screenshot(page, 'upgrade-available');
  await page.getByRole('button', { name: 'Upgrade' }).click();
  await expect(page).toHaveURL(
    /\/create\/templates\/default\/golden-path-upgrade/,
  );

  await page.getByRole('button', { name: /review/i }).click();
  await page.getByRole('button', { name: /create/i }).click();
  await expect(page.getByText(/paved-road\/upgrade-v2/).first()).toBeVisible({
    timeout: 120_000,
  });
  await screenshot(page, 'upgrade-task');

  // The local repository has the branch, with the template's change; main is untouched.
  const oid = await git.resolveRef({
    fs,
    dir: repo,
    ref: 'paved-road/upgrade-v2',
  });
  const { blob } = await git.readBlob({
    fs,
    dir: repo,
    oid,
    filepath: 'deploy/deployment.yaml',
  });
  expect(Buffer.from(blob).toString()).toContain('path: /livez');
  const main = await git.resolveRef({ fs, dir: repo, ref: 'main' });
  const mainBlob = await git.readBlob({
    fs,
    dir: repo,
    oid: main,
    filepath: 'deploy/deployment.yaml',
  });
  expect(Buffer.from(mainBlob.blob).toString()).toContain('path: /healthz');
});
