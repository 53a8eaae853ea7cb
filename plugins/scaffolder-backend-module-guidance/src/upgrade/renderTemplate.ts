import fs from 'fs-extra';
import { dirname, join, relative, sep } from 'path';
import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { FileTree } from './threeWayMerge';

export type DirectoryContent = { path: string; base64Content: string };

/** A slow render must not hang the upgrade task forever. */
const DRY_RUN_TIMEOUT_MS = 5 * 60_000;

/**
 * The answers to replay: the recorded ones, then the given ones, then the defaults of
 * parameters the recorded version did not have (including the branches of `dependencies`
 * that the answers select, such as publishTo: local).
 */
export function answersWithDefaults(
  parameters: unknown,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...values };
  const apply = (schema: any) => {
    for (const [key, property] of Object.entries<any>(
      schema?.properties ?? {},
    )) {
      if (result[key] === undefined && property && 'default' in property) {
        result[key] = property.default;
      }
    }
    for (const [key, dependency] of Object.entries<any>(
      schema?.dependencies ?? {},
    )) {
      for (const branch of dependency?.oneOf ?? []) {
        const selector = branch?.properties?.[key]?.const;
        if (selector !== undefined && selector === result[key]) apply(branch);
      }
    }
  };
  for (const page of [parameters ?? []].flat()) apply(page);
  return result;
}

async function readFolder(folder: string): Promise<DirectoryContent[]> {
  const contents: DirectoryContent[] = [];
  const walk = async (dir: string) => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else
        contents.push({
          path: relative(folder, full).split(sep).join('/'),
          base64Content: (await fs.readFile(full)).toString('base64'),
        });
    }
  };
  await walk(folder);
  return contents.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * The files of a catalog Template's folder (template.yaml, content/…), as the dry run takes them:
 * read from disk for `file:` locations, through the URL reader for the others.
 */
export async function templateDirectoryContents(
  template: Entity,
  urlReader: UrlReaderService,
): Promise<DirectoryContent[]> {
  const annotations = template.metadata.annotations ?? {};
  const location =
    annotations[ANNOTATION_SOURCE_LOCATION] ?? annotations[ANNOTATION_LOCATION];
  if (!location) {
    throw new InputError(
      `Template ${template.metadata.name} has no ${ANNOTATION_LOCATION} annotation to read its files from`,
    );
  }
  const { type, target } = parseLocationRef(location);
  if (type === 'file') {
    return readFolder(/\.ya?ml$/.test(target) ? dirname(target) : target);
  }
  if (type !== 'url') {
    throw new InputError(
      `Cannot read template files from a "${type}" location`,
    );
  }
  const folderUrl = /\.ya?ml$/.test(target)
    ? new URL('.', target).toString()
    : target;
  const tree = await urlReader.readTree(folderUrl);
  const files = await tree.files();
  return Promise.all(
    files.map(async file => ({
      path: file.path,
      base64Content: (await file.content()).toString('base64'),
    })),
  );
}

/**
 * Renders a template with the given answers through the scaffolder's own dry run
 * (`POST /v2/dry-run`), so the render is exactly what a new service would get today.
 */
export async function renderThroughDryRun(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  credentials: BackstageCredentials;
  template: Entity;
  values: Record<string, unknown>;
  directoryContents: DirectoryContent[];
}): Promise<FileTree> {
  const { discovery, auth, credentials, template, values, directoryContents } =
    options;
  const baseUrl = await discovery.getBaseUrl('scaffolder');
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: credentials,
    targetPluginId: 'scaffolder',
  });
  const response = await fetch(`${baseUrl}/v2/dry-run`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ template, values, secrets: {}, directoryContents }),
    signal: AbortSignal.timeout(DRY_RUN_TIMEOUT_MS),
  });
  const body: any = await response.json().catch(() => undefined);
  if (!response.ok) {
    const reasons = Array.isArray(body?.errors)
      ? body.errors
          .map((e: any) => e?.stack ?? e?.message ?? String(e))
          .join('; ')
      : body?.error?.message ?? response.statusText;
    throw new Error(
      `Rendering ${template.metadata.name} with the recorded answers failed (HTTP ${response.status}): ${reasons}`,
    );
  }
  const files: FileTree = new Map();
  for (const file of body?.directoryContents ?? []) {
    files.set(file.path, {
      content: Buffer.from(file.base64Content, 'base64'),
      executable: !!file.executable,
    });
  }
  if (files.size === 0) {
    throw new Error(`Rendering ${template.metadata.name} produced no files`);
  }
  return files;
}
