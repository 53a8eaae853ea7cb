import { createHash } from 'crypto';
import fs from 'fs-extra';
import { join, relative, sep } from 'path';
import YAML from 'yaml';
import {
  parseTemplateChangelog,
  TEMPLATE_VERSION_ANNOTATION,
} from '@paved-road/plugin-guidance-common';

/** Recorded content hashes: template name → version → hash. */
export type TemplateHashRecord = Record<string, Record<string, string>>;

export const TEMPLATE_HASHES_FILE = 'versions.json';

/** Files of a template folder left out of its hash: editing the changelog is not a change. */
const UNHASHED = new Set(['CHANGELOG.md']);

async function filesUnder(dir: string): Promise<string[]> {
  if (!(await fs.pathExists(dir))) return [];
  const found: string[] = [];
  const walk = async (current: string) => {
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else found.push(full);
    }
  };
  await walk(dir);
  return found;
}

/**
 * The fragment folders a template may take: the literal part of each `guidance:fetch:fragment`
 * step's `fragment` input (`ci/${{ parameters.ciProvider }}` → every fragment under `ci`).
 */
export function fragmentFoldersOf(template: any): string[] {
  const folders = new Set<string>();
  for (const step of template?.spec?.steps ?? []) {
    if (step?.action !== 'guidance:fetch:fragment') continue;
    const name = String(step?.input?.fragment ?? '');
    const expression = name.indexOf('${{');
    const literal = expression === -1 ? name : name.slice(0, expression);
    const folder =
      expression === -1 ? literal : literal.slice(0, literal.lastIndexOf('/'));
    if (folder) folders.add(folder.replace(/\/+$/, ''));
  }
  return [...folders].sort();
}

export type TemplateSnapshot = {
  name: string;
  version?: number;
  /** The annotation as written, for error messages. */
  rawVersion?: unknown;
  hash: string;
  fragments: string[];
  changelogVersions: number[];
};

/** Hashes a template folder and the fragments it uses (paths and bytes, in a fixed order). */
export async function snapshotTemplate(options: {
  templatesRoot: string;
  fragmentsRoot: string;
  name: string;
}): Promise<TemplateSnapshot> {
  const { templatesRoot, fragmentsRoot, name } = options;
  const folder = join(templatesRoot, name);
  const template = YAML.parse(
    await fs.readFile(join(folder, 'template.yaml'), 'utf8'),
  );
  const fragments = fragmentFoldersOf(template);
  const entries: { key: string; file: string }[] = [];
  for (const file of await filesUnder(folder)) {
    const path = relative(folder, file).split(sep).join('/');
    if (!UNHASHED.has(path)) entries.push({ key: `template/${path}`, file });
  }
  for (const fragment of fragments) {
    for (const file of await filesUnder(join(fragmentsRoot, fragment))) {
      const path = relative(fragmentsRoot, file).split(sep).join('/');
      entries.push({ key: `fragments/${path}`, file });
    }
  }
  // Plain code-unit order, the same on every machine (no locale).
  entries.sort((a, b) => Number(a.key > b.key) - Number(a.key < b.key));
  const hash = createHash('sha256');
  for (const entry of entries) {
    const content = await fs.readFile(entry.file);
    hash.update(`${entry.key}\0${content.length}\0`);
    hash.update(content);
  }

  const rawVersion =
    template?.metadata?.annotations?.[TEMPLATE_VERSION_ANNOTATION];
  const version =
    typeof rawVersion === 'string' && /^[1-9]\d*$/.test(rawVersion)
      ? Number(rawVersion)
      : undefined;
  const changelogFile = join(folder, 'CHANGELOG.md');
  const changelogVersions = (await fs.pathExists(changelogFile))
    ? parseTemplateChangelog(await fs.readFile(changelogFile, 'utf8')).map(
        e => e.version,
      )
    : [];
  return {
    name,
    version,
    rawVersion,
    hash: `sha256:${hash.digest('hex')}`,
    fragments,
    changelogVersions,
  };
}

/** Every folder under the templates root that holds a template.yaml. */
export async function templateNames(templatesRoot: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await fs.readdir(templatesRoot, {
    withFileTypes: true,
  })) {
    if (
      entry.isDirectory() &&
      (await fs.pathExists(join(templatesRoot, entry.name, 'template.yaml')))
    ) {
      names.push(entry.name);
    }
  }
  return names.sort();
}

export async function readHashRecord(
  templatesRoot: string,
): Promise<TemplateHashRecord> {
  const file = join(templatesRoot, TEMPLATE_HASHES_FILE);
  return (await fs.pathExists(file)) ? fs.readJson(file) : {};
}

/**
 * The version-bump guard: what is wrong with the templates against the recorded hashes.
 * An empty list means every template's content matches the hash recorded for its version.
 */
export async function checkTemplateVersions(options: {
  templatesRoot: string;
  fragmentsRoot: string;
  record: TemplateHashRecord;
}): Promise<string[]> {
  const problems: string[] = [];
  for (const name of await templateNames(options.templatesRoot)) {
    const snapshot = await snapshotTemplate({ ...options, name });
    if (snapshot.version === undefined) {
      problems.push(
        `${name}: metadata.annotations["${TEMPLATE_VERSION_ANNOTATION}"] must be a positive integer in quotes, got ${JSON.stringify(
          snapshot.rawVersion,
        )}`,
      );
      continue;
    }
    const highest = Math.max(
      0,
      ...Object.keys(options.record[name] ?? {}).map(Number),
      ...snapshot.changelogVersions,
    );
    if (highest > snapshot.version) {
      problems.push(
        `${name}: version ${
          snapshot.version
        } is lower than version ${highest}, already recorded in versions.json; a version never goes backwards (services on v${highest} would be shown as current). Bump to v${
          highest + 1
        }`,
      );
      continue;
    }
    if (!snapshot.changelogVersions.includes(snapshot.version)) {
      problems.push(
        `${name}: CHANGELOG.md has no "## v${snapshot.version}" entry saying what changed and why`,
      );
    }
    const recorded = options.record[name]?.[String(snapshot.version)];
    if (!recorded) {
      problems.push(
        `${name}: no content hash recorded for version ${snapshot.version}; run "npm run templates:hash" after bumping`,
      );
    } else if (recorded !== snapshot.hash) {
      problems.push(
        `${name}: the template or a fragment it uses (${
          snapshot.fragments.join(', ') || 'none'
        }) changed since version ${
          snapshot.version
        } was recorded; bump ${TEMPLATE_VERSION_ANNOTATION}, add a CHANGELOG.md entry and run "npm run templates:hash"`,
      );
    }
  }
  return problems;
}

/**
 * Records the hash of every template's current version. A version already recorded with
 * another hash is refused (that is a change without a bump) unless `rerecord` names it.
 */
export async function recordTemplateHashes(options: {
  templatesRoot: string;
  fragmentsRoot: string;
  rerecord?: string[];
}): Promise<{
  record: TemplateHashRecord;
  recorded: string[];
  refused: string[];
}> {
  const record = await readHashRecord(options.templatesRoot);
  const recorded: string[] = [];
  const refused: string[] = [];
  for (const name of await templateNames(options.templatesRoot)) {
    const snapshot = await snapshotTemplate({ ...options, name });
    if (snapshot.version === undefined) {
      refused.push(`${name}: no valid ${TEMPLATE_VERSION_ANNOTATION}`);
      continue;
    }
    const key = String(snapshot.version);
    const highest = Math.max(0, ...Object.keys(record[name] ?? {}).map(Number));
    if (highest > snapshot.version) {
      refused.push(
        `${name}: version ${key} is lower than version ${highest}, already recorded; bump to v${
          highest + 1
        }`,
      );
      continue;
    }
    const previous = record[name]?.[key];
    if (previous === snapshot.hash) continue;
    if (previous && !options.rerecord?.includes(name)) {
      refused.push(
        `${name}: version ${key} is already recorded with other content; bump the version`,
      );
      continue;
    }
    record[name] = { ...record[name], [key]: snapshot.hash };
    recorded.push(`${name}@${key}`);
  }
  const sorted: TemplateHashRecord = {};
  for (const name of Object.keys(record).sort()) {
    sorted[name] = Object.fromEntries(
      Object.entries(record[name]).sort(([a], [b]) => Number(a) - Number(b)),
    );
  }
  await fs.writeFile(
    join(options.templatesRoot, TEMPLATE_HASHES_FILE),
    `${JSON.stringify(sorted, null, 2)}\n`,
  );
  return { record: sorted, recorded, refused };
}
