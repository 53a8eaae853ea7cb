import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { cnpgBackupRule } from './cnpg-backup';

const cluster = (extra: string[] = []) =>
  [
    'apiVersion: postgresql.cnpg.io/v1',
    'kind: Cluster',
    'metadata: { name: orders-db, namespace: orders }',
    'spec:',
    '  instances: 3',
    '  storage: { size: 200Gi }',
    ...extra,
    '',
  ].join('\n');
const plugin = [
  '  plugins:',
  '    - name: barman-cloud.cloudnative-pg.io',
  '      isWALArchiver: true',
  '      parameters: { barmanObjectName: orders-store }',
];
const scheduledBackup = (clusterName = 'orders-db') =>
  [
    'apiVersion: postgresql.cnpg.io/v1',
    'kind: ScheduledBackup',
    'metadata: { name: orders-db-nightly, namespace: orders }',
    'spec:',
    '  schedule: "0 0 2 * * *"',
    '  backupOwnerReference: self',
    `  cluster: { name: ${clusterName} }`,
    '  method: plugin',
    '  pluginConfiguration: { name: barman-cloud.cloudnative-pg.io }',
    '',
  ].join('\n');

describe('cnpg-backup', () => {
  it('passes a cluster with the WAL archiver plugin and a nightly ScheduledBackup', () => {
    expect(evaluate(cnpgBackupRule).status).toBe('not-applicable');
    const evaluation = evaluate(cnpgBackupRule, undefined, {
      'deploy/cluster.yaml': `${cluster(plugin)}---\n${scheduledBackup()}`,
    });
    expect(evaluation.status).toBe('pass');
    expect(evaluation.findings[0].message).toBe(
      'WAL archived by barman-cloud.cloudnative-pg.io, base backups by ScheduledBackup/orders-db-nightly',
    );
  });

  it('accepts the in-tree barmanObjectStore and says it is deprecated', () => {
    const evaluation = evaluate(cnpgBackupRule, undefined, {
      'deploy/cluster.yaml': cluster([
        '  backup:',
        '    barmanObjectStore: { destinationPath: "s3://backups/orders" }',
      ]),
      'deploy/backup.yaml': scheduledBackup(),
    });
    expect(evaluation.status).toBe('pass');
    expect(evaluation.findings[0].message).toMatch(
      /deprecated since CloudNativePG 1\.26, to be removed in 1\.31/,
    );
  });

  it('fails a cluster without archiving or without a ScheduledBackup naming it, at its spec', () => {
    const evaluation = evaluate(cnpgBackupRule, undefined, {
      'deploy/cluster.yaml': cluster(),
    });
    expect(evaluation.findings).toEqual([
      {
        status: 'fail',
        file: 'deploy/cluster.yaml',
        object: 'Cluster/orders-db',
        line: 4,
        column: 1,
        message:
          'has no WAL archiving (a plugin with isWALArchiver: true): nothing to replay after a base backup, so no point-in-time recovery; and no ScheduledBackup naming it (spec.cluster.name: orders-db): no base backup to restore from',
      },
    ]);
    expect(
      failuresOf(cnpgBackupRule, undefined, {
        'deploy/cluster.yaml': cluster(plugin),
        'deploy/backup.yaml': scheduledBackup('billing-db'),
      }),
    ).toEqual([
      'deploy/cluster.yaml: Cluster/orders-db: has no ScheduledBackup naming it (spec.cluster.name: orders-db): no base backup to restore from',
    ]);
  });
});
