/**
 * No schema package covers the Barman Cloud Plugin's ObjectStore (barmancloud.cnpg.io/v1), so the
 * rules its CRD enforces at admission (required fields, the retention pattern, compression enums,
 * no serverName in the configuration) are checked here by hand, plus that the destination is an
 * object-store URL. Returns one readable line per problem; an empty list means it passes.
 */

// Compression values the CRD accepts (plugin 0.14–0.16): WAL files take two more than base backups.
const WAL_COMPRESSION = ['bzip2', 'gzip', 'lz4', 'snappy', 'xz', 'zstd'];
const DATA_COMPRESSION = ['bzip2', 'gzip', 'lz4', 'snappy'];
const RETENTION = /^[1-9][0-9]*[dwm]$/;

const isObject = (value: unknown): value is Record<string, any> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function objectStoreProblems(object: unknown): string[] {
  if (!isObject(object)) return ['ObjectStore: not an object'];
  const problems: string[] = [];
  if (object.apiVersion !== 'barmancloud.cnpg.io/v1') {
    problems.push(
      `apiVersion: expected barmancloud.cnpg.io/v1, got ${JSON.stringify(
        object.apiVersion,
      )}`,
    );
  }
  if (object.kind !== 'ObjectStore') {
    problems.push(
      `kind: expected ObjectStore, got ${JSON.stringify(object.kind)}`,
    );
  }
  const name = object.metadata?.name;
  if (
    typeof name !== 'string' ||
    !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)
  ) {
    problems.push(
      `metadata.name: must be a DNS subdomain, got ${JSON.stringify(name)}`,
    );
  }
  const spec = object.spec;
  if (!isObject(spec)) return [...problems, 'spec: required'];

  if (spec.retentionPolicy !== undefined) {
    if (
      typeof spec.retentionPolicy !== 'string' ||
      !RETENTION.test(spec.retentionPolicy)
    ) {
      problems.push(
        `spec.retentionPolicy: must match ${
          RETENTION.source
        } (e.g. 30d), got ${JSON.stringify(spec.retentionPolicy)}`,
      );
    }
  }

  const configuration = spec.configuration;
  if (!isObject(configuration)) {
    return [...problems, 'spec.configuration: required'];
  }
  const destination = configuration.destinationPath;
  if (typeof destination !== 'string' || destination.length === 0) {
    problems.push('spec.configuration.destinationPath: required');
  } else if (!/^(s3|gs|https?):\/\/\S+$/.test(destination)) {
    problems.push(
      `spec.configuration.destinationPath: not an object-store URL: ${destination}`,
    );
  }
  if ('serverName' in configuration) {
    problems.push(
      "spec.configuration.serverName: forbidden; use the 'serverName' plugin parameter in the Cluster",
    );
  }
  const s3 = configuration.s3Credentials;
  if (isObject(s3) && 'inheritFromIAMRole' in s3) {
    if (typeof s3.inheritFromIAMRole !== 'boolean') {
      problems.push(
        'spec.configuration.s3Credentials.inheritFromIAMRole: must be a boolean',
      );
    }
  }
  for (const [section, allowed] of [
    ['wal', WAL_COMPRESSION],
    ['data', DATA_COMPRESSION],
  ] as const) {
    const compression = configuration[section]?.compression;
    if (compression !== undefined && !allowed.includes(compression)) {
      problems.push(
        `spec.configuration.${section}.compression: one of ${allowed.join(
          ', ',
        )}, got ${JSON.stringify(compression)}`,
      );
    }
  }
  return problems;
}
