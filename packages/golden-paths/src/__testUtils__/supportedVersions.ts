/**
 * Which releases of what the golden paths generate are supported, as a dated table. Replace it with
 * the shared lifecycle data (issue "Versions that move") once that exists: only
 * `SUPPORTED_VERSIONS` and `isSupported` are used outside this file.
 *
 * Every row names the official page it was read from, and when.
 */
import { compareVersions } from '@paved-road/plugin-guidance-common';

export type ReleaseLine = {
  /** The release line as the generated files name it: "1.27", "24", "17", "v7", "debian13". */
  line: string;
  /** Last day of support (ISO date); undefined while no end is announced. */
  endOfLife?: string;
  /** Smallest supported patch of this line, where old patches are themselves a problem. */
  minimumPatch?: string;
};

export type Product = {
  name: string;
  source: string;
  checked: string;
  /** Oldest first. Lines older than every listed one are unsupported; unlisted newer ones unknown. */
  lines: ReleaseLine[];
};

export const SUPPORTED_VERSIONS: Record<string, Product> = {
  go: {
    name: 'Go',
    // "Each major Go release is supported until there are two newer major releases."
    source:
      'https://go.dev/doc/devel/release (golang/website internal/history/release.go: 1.26.0 2026-02-10, 1.27.0 2026-08-19)',
    checked: '2026-12-06',
    lines: [
      { line: '1.25', endOfLife: '2026-08-19' },
      // Supported until Go 1.28, due about February 2027.
      { line: '1.26' },
      { line: '1.27' },
    ],
  },
  node: {
    name: 'Node.js',
    source: 'https://github.com/nodejs/Release/blob/main/schedule.json',
    checked: '2026-12-06',
    lines: [
      { line: '20', endOfLife: '2026-04-30' },
      { line: '22', endOfLife: '2027-04-30' },
      { line: '24', endOfLife: '2028-04-30' },
      { line: '26', endOfLife: '2029-04-30' },
    ],
  },
  distroless: {
    name: 'distroless base images (Debian release)',
    // static/base/cc: Debian 12 images end one year after Debian 13 (2025-08-09); language
    // images (nodejs*) three months after.
    source:
      'https://github.com/GoogleContainerTools/distroless/blob/main/SUPPORT_POLICY.md',
    checked: '2026-12-06',
    lines: [
      { line: 'debian11', endOfLife: '2024-06-01' },
      { line: 'debian12', endOfLife: '2026-08-09' },
      { line: 'debian13' },
    ],
  },
  postgresql: {
    name: 'PostgreSQL (CloudNativePG images)',
    // Minors from CloudNativePG's image catalog of 2026-08-17; majors end five years after release.
    source:
      'https://www.postgresql.org/support/versioning/ and cloudnative-pg/postgres-containers Debian/ClusterImageCatalog-bookworm.yaml',
    checked: '2026-12-06',
    lines: [
      { line: '14', endOfLife: '2026-11-12', minimumPatch: '14.24' },
      { line: '15', endOfLife: '2027-11-11', minimumPatch: '15.19' },
      { line: '16', endOfLife: '2028-11-09', minimumPatch: '16.15' },
      { line: '17', endOfLife: '2029-11-08', minimumPatch: '17.11' },
      { line: '18', endOfLife: '2030-11-14', minimumPatch: '18.6' },
    ],
  },
  'argo-cd': {
    name: 'Argo CD',
    // The three newest minor releases are supported; v3.5.1 is the newest tag (2026-08).
    source:
      'https://argo-cd.readthedocs.io/en/stable/developer-guide/release-process-and-cadence/ and the argoproj/argo-cd tags',
    checked: '2026-12-06',
    lines: [{ line: '3.4' }, { line: '3.5' }],
  },
  'kube-prometheus-stack': {
    name: 'kube-prometheus-stack chart',
    // Only the newest major gets fixes; 88.5.3 is the newest (charts/kube-prometheus-stack/Chart.yaml).
    source: 'https://github.com/prometheus-community/helm-charts',
    checked: '2026-12-06',
    lines: [{ line: '88' }],
  },
};

/** Majors of the GitHub Actions the workflows use that still get fixes (each repository's tags). */
export const SUPPORTED_ACTION_MAJORS: Record<string, string[]> = {
  'actions/checkout': ['v7'],
  'actions/setup-go': ['v7'],
  'actions/setup-node': ['v7'],
  'docker/setup-buildx-action': ['v4'],
  'docker/login-action': ['v4'],
  'docker/build-push-action': ['v7'],
};

/**
 * Whether `version` of `product` is supported on `today`: a problem sentence, or undefined.
 * `version` is a line ("1.27", "24", "debian13") or a full version ("17.11", "3.5.1", "88.5.3").
 */
export function isSupported(
  product: string,
  version: string,
  today: string,
): string | undefined {
  const table = SUPPORTED_VERSIONS[product];
  if (!table) return `no lifecycle data for ${product}`;
  const line = table.lines
    .filter(l => version === l.line || version.startsWith(`${l.line}.`))
    .sort((a, b) => b.line.length - a.line.length)[0];
  if (!line) {
    const oldest = table.lines[0].line;
    return /^[0-9.]+$/.test(version) && compareVersions(version, oldest) < 0
      ? `${table.name} ${version} is older than every supported line (${table.source})`
      : `${table.name} ${version} is not a known release line (${table.source}, checked ${table.checked})`;
  }
  if (line.endOfLife && line.endOfLife < today) {
    return `${table.name} ${version} reached end of life on ${line.endOfLife} (${table.source})`;
  }
  if (
    line.minimumPatch &&
    version !== line.line &&
    compareVersions(version, line.minimumPatch) < 0
  ) {
    return `${table.name} ${version} is an old patch release; ${line.minimumPatch} or newer (${table.source})`;
  }
  return undefined;
}
