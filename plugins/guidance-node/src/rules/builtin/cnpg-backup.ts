import { GuidanceRule, RuleFinding } from '../types';
import {
  bodyOf,
  isRecord,
  namespaceOf,
  objectsOfKind,
  refOf,
} from './kubernetes';
import { yamlPosition } from './yamlPositions';

const isCnpg = (apiVersion: string) =>
  apiVersion.startsWith('postgresql.cnpg.io/');

/**
 * A CloudNativePG cluster archives its WAL continuously (the Barman Cloud Plugin as WAL
 * archiver, or the older in-tree `backup.barmanObjectStore`) and takes scheduled base backups
 * (a ScheduledBackup naming it): without both there is no point-in-time restore, and losing the
 * volumes loses the database.
 */
export const cnpgBackupRule: GuidanceRule = {
  id: 'cnpg-backup',
  title: 'CloudNativePG clusters archive WAL and take scheduled base backups',
  severity: 'warning',
  fileKinds: ['kubernetes'],
  article: { id: 'database-strategy', section: 'rule-cnpg-backup' },
  check(input) {
    const findings: RuleFinding[] = [];
    const scheduled = objectsOfKind(input.objects, 'ScheduledBackup').filter(
      o => isCnpg(o.apiVersion),
    );
    for (const cluster of objectsOfKind(input.objects, 'Cluster')) {
      if (!isCnpg(cluster.apiVersion)) continue;
      const spec = bodyOf(cluster).spec ?? {};
      const plugins: unknown[] = Array.isArray(spec.plugins)
        ? spec.plugins
        : [];
      const archiver = plugins.find(
        (p): p is Record<string, any> =>
          isRecord(p) && p.isWALArchiver === true,
      );
      const legacy = isRecord(spec.backup?.barmanObjectStore);
      const ns = namespaceOf(cluster);
      const backup = scheduled.find(b => {
        const bns = namespaceOf(b);
        return (
          bodyOf(b).spec?.cluster?.name === cluster.name &&
          (!ns || !bns || ns === bns)
        );
      });
      const missing: string[] = [];
      if (!archiver && !legacy) {
        missing.push(
          'no WAL archiving (a plugin with isWALArchiver: true): nothing to replay after a base backup, so no point-in-time recovery',
        );
      }
      if (!backup) {
        missing.push(
          `no ScheduledBackup naming it (spec.cluster.name: ${cluster.name}): no base backup to restore from`,
        );
      }
      const how = archiver
        ? `WAL archived by ${archiver.name ?? 'a plugin'}`
        : 'WAL archived to spec.backup.barmanObjectStore (deprecated since CloudNativePG 1.26, to be removed in 1.31: move to the Barman Cloud Plugin)';
      findings.push({
        status: missing.length > 0 ? 'fail' : 'pass',
        file: cluster.file,
        object: refOf(cluster),
        ...yamlPosition(input, cluster.file, cluster.index, [
          'spec',
          ...(archiver || legacy ? [] : ['plugins']),
        ]),
        message:
          missing.length > 0
            ? `has ${missing.join('; and ')}`
            : `${how}, base backups by ScheduledBackup/${backup!.name}`,
      });
    }
    return findings;
  },
};
