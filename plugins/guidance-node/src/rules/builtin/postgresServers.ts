import { posix } from 'path';
import { RuleInput } from '../types';
import {
  bodyOf,
  containersOf,
  objectsOfKind,
  parseImage,
  refOf,
  workloadsOf,
} from './kubernetes';
import type { PgBouncerDatabase } from './pgbouncer';

/** `postgres`, `bitnami/postgresql`, `ghcr.io/cloudnative-pg/postgresql`… */
const isPostgresImage = (image: unknown) =>
  typeof image === 'string' &&
  /(^|\/)postgres(ql)?$/i.test(parseImage(image).name);

/** A PostgreSQL server defined among the files, and its connection limits. */
export type PostgresServer = {
  /** `Cluster/orders-db` or `StatefulSet/postgres`. */
  label: string;
  /** Names a client's host may start with: the object's name and its Services' names. */
  names: string[];
  maxConnections: number;
  /** Where max_connections came from: a parameter, or PostgreSQL's default. */
  maxConnectionsFrom: string;
  superuserReserved: number;
};

const DEFAULT_MAX_CONNECTIONS = 100;
const DEFAULT_SUPERUSER_RESERVED = 3;

function intOf(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** `max_connections = 200` lines of a postgresql.conf text. */
function confSetting(text: string, name: string): number | undefined {
  const match = new RegExp(`^\\s*${name}\\s*=\\s*'?(\\d+)'?`, 'm').exec(text);
  return match ? Number(match[1]) : undefined;
}

/** `-c max_connections=200` or `--max_connections=200` in a container's command or args. */
function argSetting(args: unknown[], name: string): number | undefined {
  const joined = args.filter(a => typeof a === 'string').join(' ');
  const match = new RegExp(`${name}=(\\d+)`).exec(joined);
  return match ? Number(match[1]) : undefined;
}

/** The PostgreSQL servers the files define: CloudNativePG Clusters and workloads running a postgres image. */
export function postgresServersOf(input: RuleInput): PostgresServer[] {
  const servers: PostgresServer[] = [];
  for (const object of objectsOfKind(input.objects, 'Cluster')) {
    if (!object.apiVersion.startsWith('postgresql.cnpg.io/')) continue;
    const params = bodyOf(object).spec?.postgresql?.parameters ?? {};
    const max = intOf(params.max_connections);
    servers.push({
      label: refOf(object),
      names: [object.name],
      maxConnections: max ?? DEFAULT_MAX_CONNECTIONS,
      maxConnectionsFrom:
        max !== undefined
          ? `${refOf(object)} spec.postgresql.parameters`
          : "PostgreSQL's default",
      superuserReserved:
        intOf(params.superuser_reserved_connections) ??
        DEFAULT_SUPERUSER_RESERVED,
    });
  }
  const configMaps = objectsOfKind(input.objects, 'ConfigMap');
  for (const { object, pod } of workloadsOf(input)) {
    const postgres = containersOf(pod).find(
      c => !c.init && isPostgresImage(c.container.image),
    );
    if (!postgres) continue;
    const c = postgres.container as Record<string, any>;
    const args = [
      ...(Array.isArray(c.command) ? c.command : []),
      ...(Array.isArray(c.args) ? c.args : []),
    ];
    let max = argSetting(args, 'max_connections');
    let reserved = argSetting(args, 'superuser_reserved_connections');
    let from = max !== undefined ? `${refOf(object)} args` : undefined;
    const volumes = Array.isArray((pod.spec as any).volumes)
      ? (pod.spec as any).volumes
      : [];
    for (const v of volumes) {
      const cm = configMaps.find(m => m.name === v?.configMap?.name);
      const conf = cm && bodyOf(cm).data?.['postgresql.conf'];
      if (typeof conf !== 'string') continue;
      if (max === undefined) {
        max = confSetting(conf, 'max_connections');
        if (max !== undefined) from = `${refOf(cm!)} postgresql.conf`;
      }
      reserved ??= confSetting(conf, 'superuser_reserved_connections');
    }
    servers.push({
      label: refOf(object),
      names: [object.name],
      maxConnections: max ?? DEFAULT_MAX_CONNECTIONS,
      maxConnectionsFrom: from ?? "PostgreSQL's default",
      superuserReserved: reserved ?? DEFAULT_SUPERUSER_RESERVED,
    });
  }
  for (const file of input.files ?? []) {
    if (posix.basename(file.path) !== 'postgresql.conf') continue;
    const max = confSetting(file.content, 'max_connections');
    servers.push({
      label: file.path,
      names: [],
      maxConnections: max ?? DEFAULT_MAX_CONNECTIONS,
      maxConnectionsFrom:
        max !== undefined ? file.path : "PostgreSQL's default",
      superuserReserved:
        confSetting(file.content, 'superuser_reserved_connections') ??
        DEFAULT_SUPERUSER_RESERVED,
    });
  }
  return servers;
}

/**
 * The server an alias connects to: the one whose name its host starts with
 * (`orders-db-rw.orders.svc` → Cluster `orders-db`), else the only server among the files
 * (`assumed`: the host names none of them).
 */
export function serverOf(
  database: PgBouncerDatabase,
  servers: PostgresServer[],
): { server: PostgresServer; assumed: boolean } | undefined {
  const host = (database.params.get('host') ?? '').split(',')[0];
  const first = host.split('.')[0];
  const named = servers.find(s =>
    s.names.some(name => first === name || first.startsWith(`${name}-`)),
  );
  if (named) return { server: named, assumed: false };
  return servers.length === 1
    ? { server: servers[0], assumed: true }
    : undefined;
}
