/**
 * Whether a version a generated repository names is supported, read from the project's lifecycle
 * table (`SHIPPED_LIFECYCLE` in -common): the same data the `supported-versions` rule and article
 * staleness use, so the template tests move with it.
 */
import {
  compareVersions,
  endOfLifeReason,
  LifecycleTable,
  lifecycleProductId,
  lifecycleProductTitle,
  SHIPPED_LIFECYCLE,
  versionStatus,
} from '@paved-road/plugin-guidance-common';

/**
 * Products whose generated versions name a release, not only a cycle: a release older than the
 * cycle's newest is a problem there (old PostgreSQL minors, an Argo CD or chart patch behind).
 */
const PINNED_RELEASES = new Set([
  'postgresql',
  'argo-cd',
  'kube-prometheus-stack',
]);

/** The table names distroless cycles as the image names do (`debian13`), so versions are looked up as named. */
function tableVersion(_product: string, version: string): string {
  return version;
}

/**
 * A problem sentence when `version` of `product` is not supported on `today`, else undefined.
 * `version` is a cycle ("1.27", "24", "debian13") or a release ("17.11", "3.5.1", "88.5.3").
 */
export function isSupported(
  product: string,
  version: string,
  today: string,
  table: LifecycleTable = SHIPPED_LIFECYCLE,
): string | undefined {
  const id = lifecycleProductId(product);
  const cycles = table.cycles.filter(c => c.product === id);
  const title = lifecycleProductTitle(id);
  const source = table.sources[id];
  if (cycles.length === 0) return `no lifecycle data for ${product}`;
  const status = versionStatus(table, id, tableVersion(id, version), today);
  if (!status) {
    const oldest = cycles.map(c => c.cycle).sort(compareVersions)[0];
    const v = tableVersion(id, version);
    return /^[0-9.]+$/.test(v) && compareVersions(v, oldest) < 0
      ? `${title} ${version} is older than every cycle the lifecycle table knows (${source})`
      : `${title} ${version} is not a release cycle the lifecycle table knows (table of ${table.asOf}; ${source})`;
  }
  if (status.endOfLife)
    return `${endOfLifeReason(status)}, named as ${version} (${source})`;
  if (PINNED_RELEASES.has(id) && status.newerRelease) {
    return `${title} ${version} is an old release of ${status.cycle.cycle}; ${status.newerRelease} is the newest (${source})`;
  }
  return undefined;
}

/**
 * Majors of the GitHub Actions the workflows use that still get fixes, read from each action's
 * tags on 2026-12-06. Not lifecycle data: GitHub publishes no end of life for action majors, only
 * the newest major is maintained.
 */
export const SUPPORTED_ACTION_MAJORS: Record<string, string[]> = {
  'actions/checkout': ['v7'],
  'actions/setup-go': ['v7'],
  'actions/setup-node': ['v7'],
  'docker/setup-buildx-action': ['v4'],
  'docker/login-action': ['v4'],
  'docker/build-push-action': ['v7'],
  'github/codeql-action': ['v4'],
};
