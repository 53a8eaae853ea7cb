import { GuidanceRule, RuleFinding, RuleInput } from '../types';
import {
  PgBouncerConfig,
  PgBouncerDatabase,
  configObjectOf,
  maxReplicasOf,
  pgBouncerConfigsOf,
  poolerWorkloadsOf,
} from './pgbouncer';
import { PostgresServer, postgresServersOf, serverOf } from './postgresServers';

/** PgBouncer's defaults when a setting is absent. */
const DEFAULT_POOL_SIZE = 20;
const DEFAULT_RESERVE_POOL_SIZE = 0;

const intSetting = (value: string | undefined) => {
  if (value === undefined) return undefined;
  const n = Number(value.trim());
  return Number.isInteger(n) && n >= 0 ? n : undefined;
};

/**
 * The server connections one alias may open from one PgBouncer process at worst: its pool
 * (`pool_size`, else `default_pool_size`) plus its reserve, capped by `max_db_connections`.
 * One pool per alias: an alias with `user=` has exactly one; one without has a pool per user
 * that connects, and the files do not say how many.
 */
export function aliasWorstCase(
  config: PgBouncerConfig,
  database: PgBouncerDatabase,
): { connections: number; text: string; perUser: boolean } {
  const global = (key: string) => intSetting(config.settings.get(key)?.value);
  const local = (key: string) => intSetting(database.params.get(key));
  const size =
    local('pool_size') ?? global('default_pool_size') ?? DEFAULT_POOL_SIZE;
  const reserve =
    local('reserve_pool_size') ??
    local('reserve_pool') ??
    global('reserve_pool_size') ??
    DEFAULT_RESERVE_POOL_SIZE;
  const cap = local('max_db_connections') ?? global('max_db_connections') ?? 0;
  const pool = size + reserve;
  const connections = cap > 0 ? Math.min(pool, cap) : pool;
  const sum = reserve > 0 ? `${size} + ${reserve}` : `${size}`;
  return {
    connections,
    text:
      cap > 0 && cap < pool
        ? `${database.name} ${connections} (${sum} capped by max_db_connections)`
        : `${database.name} ${connections}`,
    perUser: !database.params.has('user'),
  };
}

type Share = {
  config: PgBouncerConfig;
  replicas: number;
  replicasWhy: string;
  aliases: ReturnType<typeof aliasWorstCase>[];
  assumed: boolean;
};

/**
 * The pooling article's budget: max_connections ≥ Σ over pooler replicas (pools × (pool size +
 * reserve)) + superuser_reserved_connections + monitoring, backups, migrations, admin sessions
 * and headroom. The first two terms are in the files; the rule checks them against
 * max_connections and says what is left for the rest. Without the server's max_connections
 * among the files it cannot check and says so.
 */
export const pgbouncerPoolSizeRule: GuidanceRule = {
  id: 'pgbouncer-pool-size',
  title:
    "PgBouncer's pools fit in the database's max_connections, every replica counted",
  severity: 'error',
  fileKinds: ['pgbouncer', 'kubernetes'],
  article: {
    id: 'database-connection-pooling',
    section: 'rule-pgbouncer-pool-size',
  },
  check(input: RuleInput) {
    const configs = pgBouncerConfigsOf(input);
    if (configs.length === 0) return [];
    const servers = postgresServersOf(input);
    const findings: RuleFinding[] = [];
    const shares = new Map<PostgresServer, Share[]>();
    for (const config of configs) {
      const base = {
        file: config.file,
        ...configObjectOf(config),
      };
      const counted = config.pooler
        ? [
            {
              replicas: config.pooler.instances,
              why: `${config.label} instances`,
            },
          ]
        : poolerWorkloadsOf(input, config, configs).map(w =>
            maxReplicasOf(input, w),
          );
      const replicas =
        counted.length > 0 ? counted.reduce((n, c) => n + c.replicas, 0) : 1;
      const replicasWhy =
        counted.length > 0
          ? counted.map(c => `${c.replicas} from ${c.why}`).join(', ')
          : 'no workload among the files runs it: 1 assumed';
      const byServer = new Map<PostgresServer, Share>();
      for (const database of config.databases) {
        const match = serverOf(database, servers);
        if (!match) {
          findings.push({
            ...base,
            ...config.position(database.line),
            status: 'not-applicable',
            message: `cannot check alias ${database.name} of ${
              config.label
            }: the max_connections of the server it connects to (${
              database.params.get('host') ?? 'local socket'
            }) is not among the files`,
          });
          continue;
        }
        const share = byServer.get(match.server) ?? {
          config,
          replicas,
          replicasWhy,
          aliases: [],
          assumed: false,
        };
        share.aliases.push(aliasWorstCase(config, database));
        share.assumed ||= match.assumed;
        byServer.set(match.server, share);
      }
      for (const [server, share] of byServer) {
        shares.set(server, [...(shares.get(server) ?? []), share]);
      }
    }
    for (const [server, list] of shares) {
      const fromPoolers = list.reduce(
        (n, s) =>
          n + s.replicas * s.aliases.reduce((m, a) => m + a.connections, 0),
        0,
      );
      const needed = fromPoolers + server.superuserReserved;
      const left = server.maxConnections - needed;
      const terms = list
        .map(
          s =>
            `${s.config.label}: ${s.replicas} replica${
              s.replicas === 1 ? '' : 's'
            } (${s.replicasWhy}) × (${s.aliases.map(a => a.text).join(' + ')})`,
        )
        .join('; ');
      const perUser = list.some(s => s.aliases.some(a => a.perUser));
      const notes = [
        ...(list.some(s => s.assumed)
          ? [
              `aliases whose host names no server are counted against ${server.label}, the only PostgreSQL among the files`,
            ]
          : []),
        ...(perUser
          ? [
              'one pool per alias counted: an alias without user= has a pool per user that connects',
            ]
          : []),
      ];
      const summary = `${terms} = ${fromPoolers} server connections at worst, plus ${server.superuserReserved} reserved for superusers = ${needed}, against max_connections ${server.maxConnections} of ${server.label} (${server.maxConnectionsFrom})`;
      const [first] = list;
      const anchor =
        first.config.settings.get('default_pool_size')?.line ??
        first.config.databasesLine;
      findings.push({
        file: first.config.file,
        ...configObjectOf(first.config),
        ...first.config.position(anchor),
        status: left < 0 ? 'fail' : 'pass',
        message:
          (left < 0
            ? `${summary}: ${-left} over; lower default_pool_size or the replica count (or cap with max_db_connections), or raise max_connections`
            : `${summary}: ${left} left for monitoring and backup agents, migrations, admin sessions and headroom`) +
          (notes.length > 0 ? ` (${notes.join('; ')})` : ''),
      });
    }
    return findings;
  },
};
