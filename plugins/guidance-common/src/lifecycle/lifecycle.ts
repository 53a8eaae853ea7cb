/**
 * Release cycles and their end of life: what article staleness, the `supported-versions` rule
 * and the template tests all read (docs/configuration.md, "Release lifecycles").
 */

/**
 * One release cycle of a product, in the shape of the endoflife.date API.
 *
 * @public
 */
export type LifecycleCycle = {
  /** Product id, as endoflife.date names it: `kubernetes`, `go`, `nodejs`, `argo-cd`. */
  product: string;
  /** The cycle a version belongs to: `1.34` for Kubernetes 1.34.2, `20` for Node.js 20.11. */
  cycle: string;
  /** YYYY-MM-DD of the cycle's first release, when the source gives it. */
  releaseDate?: string;
  /** YYYY-MM-DD from which the cycle is unsupported; `false` while no date is set, `true` when ended on an unknown day. */
  eol: string | boolean;
  /** The newest release of the cycle the source knew of. */
  latest?: string;
};

/**
 * The whole table and where it comes from.
 *
 * @public
 */
export type LifecycleTable = {
  /** YYYY-MM-DD: the day the data was last checked against its sources. */
  asOf: string;
  /** Where the cycles were read, per product id. */
  sources: Record<string, string>;
  cycles: LifecycleCycle[];
};

/** How products are shown in reasons and findings. */
const PRODUCT_TITLES: Record<string, string> = {
  kubernetes: 'Kubernetes',
  go: 'Go',
  nodejs: 'Node.js',
  postgresql: 'PostgreSQL',
  'argo-cd': 'Argo CD',
  flux: 'Flux',
  prometheus: 'Prometheus',
  'cert-manager': 'cert-manager',
  'envoy-gateway': 'Envoy Gateway',
  nginx: 'NGINX',
  mysql: 'MySQL',
  debian: 'Debian',
  velero: 'Velero',
  'external-secrets': 'External Secrets Operator',
  'tekton-pipelines': 'Tekton Pipelines',
  'cloudnative-pg': 'CloudNativePG',
  pgbouncer: 'PgBouncer',
  distroless: 'distroless',
  'kube-prometheus-stack': 'kube-prometheus-stack',
};

/** Names articles, images and tool files use for a product, mapped to its id. */
const PRODUCT_ALIASES: Record<string, string> = {
  k8s: 'kubernetes',
  kubectl: 'kubernetes',
  golang: 'go',
  node: 'nodejs',
  'node.js': 'nodejs',
  postgres: 'postgresql',
  argocd: 'argo-cd',
  fluxcd: 'flux',
  flux2: 'flux',
  // promtool ships with Prometheus and carries its version
  promtool: 'prometheus',
  // MySQL Router is released with the server and shares its version and lifecycle
  'mysql-router': 'mysql',
  'nginx-unprivileged': 'nginx',
  'external-secrets-operator': 'external-secrets',
  eso: 'external-secrets',
  tekton: 'tekton-pipelines',
  'tekton-pipeline': 'tekton-pipelines',
  cnpg: 'cloudnative-pg',
  cloudnativepg: 'cloudnative-pg',
};

/**
 * The product id for a name as written (`golang`, `Node.js`, `argocd`), lower-cased.
 *
 * @public
 */
export function lifecycleProductId(name: string): string {
  const key = name.trim().toLowerCase();
  return PRODUCT_ALIASES[key] ?? key;
}

/**
 * A lifecycle product's display name (`postgresql` to `PostgreSQL`); unknown products keep their id.
 *
 * @public
 */
export function lifecycleProductTitle(product: string): string {
  return PRODUCT_TITLES[product] ?? product;
}

/**
 * A version without its `v` (`v1.34.0` becomes `1.34.0`); undefined for what is not a dotted number (`lts/*`, `latest`).
 *
 * @public
 */
export function normalizeVersion(version: string): string | undefined {
  const match = /^v?(\d+(?:\.\d+)*)/.exec(version.trim());
  return match ? match[1] : undefined;
}

/**
 * Compares dotted numbers: `1.10` is after `1.9`.
 *
 * @public
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * A version as the table compares it: the dotted number (`v1.34.0` -> `1.34.0`), or for cycles
 * that are names rather than numbers (distroless `debian12`), the lower-cased word itself.
 */
function comparableVersion(version: string): string | undefined {
  const numeric = normalizeVersion(version);
  if (numeric) return numeric;
  const word = version.trim().toLowerCase();
  return /^[a-z][a-z0-9.-]*$/.test(word) ? word : undefined;
}

/**
 * The cycle a version belongs to: the longest cycle that is the version or a prefix of it.
 *
 * @public
 */
export function findCycle(
  table: LifecycleTable,
  product: string,
  version: string,
): LifecycleCycle | undefined {
  const id = lifecycleProductId(product);
  const v = comparableVersion(version);
  if (!v) return undefined;
  let best: LifecycleCycle | undefined;
  for (const c of table.cycles) {
    if (c.product !== id) continue;
    if (v !== c.cycle && !v.startsWith(`${c.cycle}.`)) continue;
    if (!best || c.cycle.length > best.cycle.length) best = c;
  }
  return best;
}

/**
 * True when the cycle's end of life is on or before `today` (YYYY-MM-DD).
 *
 * @public
 */
export function isEndOfLife(cycle: LifecycleCycle, today: string): boolean {
  if (typeof cycle.eol === 'boolean') return cycle.eol;
  return cycle.eol <= today;
}

/**
 * The cycles of a product still supported on `today`, newest first.
 *
 * @public
 */
export function supportedCycles(
  table: LifecycleTable,
  product: string,
  today: string,
): LifecycleCycle[] {
  const id = lifecycleProductId(product);
  return table.cycles
    .filter(c => c.product === id && !isEndOfLife(c, today))
    .sort((a, b) => compareVersions(b.cycle, a.cycle));
}

/**
 * What the table says about one version on one day.
 *
 * @public
 */
export type VersionStatus = {
  product: string;
  title: string;
  version: string;
  cycle: LifecycleCycle;
  endOfLife: boolean;
  /** A newer release of the same cycle, when `version` names a release older than it. */
  newerRelease?: string;
};

/**
 * Undefined when the table does not know the product or the version's cycle.
 *
 * @public
 */
export function versionStatus(
  table: LifecycleTable,
  product: string,
  version: string,
  today: string,
): VersionStatus | undefined {
  const cycle = findCycle(table, product, version);
  if (!cycle) return undefined;
  const v = comparableVersion(version)!;
  // a bare cycle (`1.34`) says nothing about patches; only a release can be behind one
  const isRelease = v !== cycle.cycle;
  const newer =
    isRelease && cycle.latest && compareVersions(cycle.latest, v) > 0
      ? cycle.latest
      : undefined;
  return {
    product: cycle.product,
    title: lifecycleProductTitle(cycle.product),
    version: v,
    cycle,
    endOfLife: isEndOfLife(cycle, today),
    ...(newer ? { newerRelease: newer } : {}),
  };
}

/**
 * `Kubernetes 1.34: end of life since 2026-10-27`
 *
 * @public
 */
export function endOfLifeReason(status: VersionStatus): string {
  const label = `${status.title} ${status.cycle.cycle}`;
  return typeof status.cycle.eol === 'string'
    ? `${label}: end of life since ${status.cycle.eol}`
    : `${label}: end of life`;
}

/**
 * What an article's `verifiedAgainst` means today.
 *
 * @public
 */
export type VerifiedAgainstReport = {
  /** Cycles past their end of life: these make the article stale. */
  endOfLife: string[];
  /** Softer: a newer release of a supported cycle exists (`PostgreSQL 17.10: newer release available (17.11)`). */
  newerReleases: string[];
};

/**
 * Checks every `tool: version` an article was verified against; tools the table does not know are skipped.
 *
 * @public
 */
export function checkVerifiedAgainst(
  verifiedAgainst: Record<string, string> | undefined,
  table: LifecycleTable,
  today: string,
): VerifiedAgainstReport {
  const report: VerifiedAgainstReport = { endOfLife: [], newerReleases: [] };
  for (const [tool, version] of Object.entries(verifiedAgainst ?? {})) {
    const status = versionStatus(table, tool, version, today);
    if (!status) continue;
    if (status.endOfLife) {
      report.endOfLife.push(endOfLifeReason(status));
    } else if (status.newerRelease) {
      report.newerReleases.push(
        `${status.title} ${status.version}: newer release available (${status.newerRelease})`,
      );
    }
  }
  return report;
}

/**
 * Rows merged by product and cycle: a later list replaces the rows of an earlier one it
 * repeats and adds the rest. Cycles are kept newest first per product.
 *
 * @public
 */
export function mergeLifecycleCycles(
  ...lists: LifecycleCycle[][]
): LifecycleCycle[] {
  const byKey = new Map<string, LifecycleCycle>();
  for (const list of lists) {
    for (const c of list) byKey.set(`${c.product}\u0000${c.cycle}`, c);
  }
  return [...byKey.values()].sort(
    (a, b) =>
      a.product.localeCompare(b.product) || compareVersions(b.cycle, a.cycle),
  );
}
