import { posix } from 'path';
import { ManifestObject, RuleInput } from '../types';
import {
  bodyOf,
  containersOf,
  isRecord,
  namespaceOf,
  objectsOfKind,
  parseImage,
  podTemplateOf,
  refOf,
  workloadsOf,
} from './kubernetes';
import { FilePosition, yamlPosition, yamlTextLine } from './yamlPositions';

/** A setting of an ini file, with its 0-based line in the text. */
export type IniValue = { value: string; line: number };

/** One alias of `[databases]`: its name, its connection parameters and its line. */
export type PgBouncerDatabase = {
  name: string;
  params: Map<string, string>;
  line: number;
};

/** A `pgbouncer.ini`, from a file or from a ConfigMap that embeds it. */
export type PgBouncerConfig = {
  file: string;
  /** `deploy/pgbouncer.ini` or `ConfigMap/pgbouncer-config`, for messages. */
  label: string;
  /** The ConfigMap that carries it, if any. */
  configMap?: ManifestObject;
  /** The workload whose container's environment is the configuration, if any. */
  workload?: ManifestObject;
  /** A CloudNativePG Pooler: its own object and instance count. */
  pooler?: { object: ManifestObject; instances: number };
  /** `[pgbouncer]` settings, keys lower-cased. */
  settings: Map<string, IniValue>;
  /** 0-based line of the `[pgbouncer]` header, or of the first line. */
  settingsLine: number;
  databases: PgBouncerDatabase[];
  /** 0-based line of the `[databases]` header, or of the first line. */
  databasesLine: number;
  /** The file position of a 0-based line of the ini text. */
  position(line: number): FilePosition | undefined;
};

/** The object a config's findings name: its ConfigMap or its workload. */
export function configObjectOf(config: PgBouncerConfig): { object?: string } {
  const source = config.configMap ?? config.workload ?? config.pooler?.object;
  return source ? { object: refOf(source) } : {};
}

/** Parses the connection string of a `[databases]` entry: `host=a port=5432 dbname='x y'`. */
export function connectionParams(value: string): Map<string, string> {
  const params = new Map<string, string>();
  const pattern = /([A-Za-z_][A-Za-z0-9_]*)\s*=\s*('(?:[^']|'')*'|\S*)/g;
  for (const match of value.matchAll(pattern)) {
    const raw = match[2];
    params.set(
      match[1].toLowerCase(),
      raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw,
    );
  }
  return params;
}

/** Reads the `[pgbouncer]` and `[databases]` sections of a pgbouncer.ini text. */
export function parsePgBouncerIni(
  text: string,
): Pick<
  PgBouncerConfig,
  'settings' | 'settingsLine' | 'databases' | 'databasesLine'
> {
  const settings = new Map<string, IniValue>();
  const databases: PgBouncerDatabase[] = [];
  let settingsLine = 0;
  let databasesLine = 0;
  let section = '';
  text.split(/\r?\n/).forEach((raw, line) => {
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith(';') || trimmed.startsWith('#')) return;
    const header = /^\[([^\]]+)\]$/.exec(trimmed);
    if (header) {
      section = header[1].trim().toLowerCase();
      if (section === 'pgbouncer') settingsLine = line;
      if (section === 'databases') databasesLine = line;
      return;
    }
    const eq = trimmed.indexOf('=');
    if (eq <= 0) return;
    let key = trimmed.slice(0, eq).trim();
    const value = trimmed.slice(eq + 1).trim();
    if (section === 'pgbouncer') {
      settings.set(key.toLowerCase(), { value, line });
    } else if (section === 'databases') {
      if (key.startsWith('"') && key.endsWith('"')) key = key.slice(1, -1);
      databases.push({ name: key, params: connectionParams(value), line });
    }
  });
  return { settings, settingsLine, databases, databasesLine };
}

const isPgBouncerIniPath = (path: string) =>
  posix.basename(path).toLowerCase() === 'pgbouncer.ini';

/** `bitnami/pgbouncer`, `ghcr.io/cloudnative-pg/pgbouncer`, `edoburu/pgbouncer`… */
const isPgBouncerImage = (image: unknown) =>
  typeof image === 'string' && /(^|\/)pgbouncer$/i.test(parseImage(image).name);

/** Every pgbouncer.ini among the files, and every ConfigMap that carries one. */
export function pgBouncerConfigsOf(input: RuleInput): PgBouncerConfig[] {
  const configs: PgBouncerConfig[] = [];
  for (const file of input.files ?? []) {
    if (!isPgBouncerIniPath(file.path)) continue;
    configs.push({
      file: file.path,
      label: file.path,
      ...parsePgBouncerIni(file.content),
      position: line => ({ line: line + 1, column: 1 }),
    });
  }
  configs.push(...environmentConfigsOf(input), ...poolerConfigsOf(input));
  for (const object of objectsOfKind(input.objects, 'ConfigMap')) {
    const data = bodyOf(object).data;
    if (!isRecord(data)) continue;
    for (const [key, text] of Object.entries(data)) {
      if (!isPgBouncerIniPath(key) || typeof text !== 'string') continue;
      configs.push({
        file: object.file,
        label: refOf(object),
        configMap: object,
        ...parsePgBouncerIni(text),
        position: line =>
          yamlTextLine(input, object.file, object.index, ['data', key], line),
      });
    }
  }
  return configs;
}

/**
 * Environment variables that images such as `edoburu/pgbouncer` turn into pgbouncer.ini at start:
 * a setting's name in capitals (`POOL_MODE`, `DEFAULT_POOL_SIZE`), and `DB_HOST`, `DB_PORT`,
 * `DB_NAME` for the `[databases]` entry (`*` without a name).
 */
const ENV_CONFIG_MARKERS = ['POOL_MODE', 'DEFAULT_POOL_SIZE', 'DB_HOST'];
const ENV_DATABASE_KEYS: Record<string, string> = {
  DB_HOST: 'host',
  DB_PORT: 'port',
  DB_NAME: 'dbname',
};

/** PgBouncer containers configured through their environment, with no pgbouncer.ini mounted. */
function environmentConfigsOf(input: RuleInput): PgBouncerConfig[] {
  const configs: PgBouncerConfig[] = [];
  const carriesIni = new Set(
    objectsOfKind(input.objects, 'ConfigMap')
      .filter(
        cm =>
          isRecord(bodyOf(cm).data) &&
          Object.keys(bodyOf(cm).data).some(isPgBouncerIniPath),
      )
      .map(cm => cm.name),
  );
  for (const { object, pod } of workloadsOf(input)) {
    const volumes = Array.isArray((pod.spec as any).volumes)
      ? ((pod.spec as any).volumes as any[])
      : [];
    if (volumes.some(v => carriesIni.has(v?.configMap?.name))) continue;
    const containers = Array.isArray(pod.spec.containers)
      ? pod.spec.containers
      : [];
    containers.forEach((container, c) => {
      if (!isPgBouncerImage(container?.image)) return;
      const env = Array.isArray(container.env) ? container.env : [];
      const literal = new Map<string, { value: string; line: number }>();
      env.forEach((e, line) => {
        if (typeof e?.name === 'string' && e.value !== undefined) {
          literal.set(e.name, { value: String(e.value), line });
        }
      });
      if (!ENV_CONFIG_MARKERS.some(name => literal.has(name))) return;
      const settings = new Map<string, IniValue>();
      for (const [name, entry] of literal) {
        if (name in ENV_DATABASE_KEYS) continue;
        settings.set(name.toLowerCase(), entry);
      }
      const host = literal.get('DB_HOST');
      const params = new Map<string, string>();
      for (const [name, key] of Object.entries(ENV_DATABASE_KEYS)) {
        const entry = literal.get(name);
        if (entry) params.set(key, entry.value);
      }
      const containerPath = [...podSpecPath(object), 'containers', c];
      configs.push({
        file: object.file,
        label: `${refOf(object)} container "${container.name ?? c}"`,
        workload: object,
        settings,
        settingsLine: -1,
        databases: host
          ? [
              {
                name: literal.get('DB_NAME')?.value ?? '*',
                params,
                line: host.line,
              },
            ]
          : [],
        databasesLine: host?.line ?? -1,
        // "lines" of an environment are its entries; -1 is the env list itself
        position: line =>
          yamlPosition(
            input,
            object.file,
            object.index,
            line < 0
              ? [...containerPath, 'env']
              : [...containerPath, 'env', line],
          ),
      });
    });
  }
  return configs;
}

/**
 * CloudNativePG Poolers: `spec.pgbouncer.poolMode` (session when unset) and `parameters`, one
 * `*` entry to the cluster's Service of the Pooler's `type`, and `spec.instances` replicas.
 */
function poolerConfigsOf(input: RuleInput): PgBouncerConfig[] {
  const configs: PgBouncerConfig[] = [];
  for (const object of objectsOfKind(input.objects, 'Pooler')) {
    if (!object.apiVersion.startsWith('postgresql.cnpg.io/')) continue;
    const spec = bodyOf(object).spec ?? {};
    const pgbouncer = isRecord(spec.pgbouncer) ? spec.pgbouncer : {};
    // "lines" are indexes into these paths, for positions
    const paths: (string | number)[][] = [
      ['spec', 'pgbouncer'],
      ['spec', 'cluster'],
    ];
    const at = (path: (string | number)[]) => paths.push(path) - 1;
    const settings = new Map<string, IniValue>();
    if (typeof pgbouncer.poolMode === 'string') {
      settings.set('pool_mode', {
        value: pgbouncer.poolMode,
        line: at(['spec', 'pgbouncer', 'poolMode']),
      });
    }
    const parameters = isRecord(pgbouncer.parameters)
      ? pgbouncer.parameters
      : {};
    for (const [key, value] of Object.entries(parameters)) {
      settings.set(key.toLowerCase(), {
        value: String(value),
        line: at(['spec', 'pgbouncer', 'parameters', key]),
      });
    }
    const cluster = spec.cluster?.name;
    const instances = Number.isInteger(spec.instances) ? spec.instances : 1;
    configs.push({
      file: object.file,
      label: refOf(object),
      pooler: { object, instances },
      settings,
      settingsLine: 0,
      databases:
        typeof cluster === 'string'
          ? [
              {
                name: '*',
                params: new Map([['host', `${cluster}-${spec.type ?? 'rw'}`]]),
                line: 1,
              },
            ]
          : [],
      databasesLine: 1,
      position: line =>
        yamlPosition(input, object.file, object.index, paths[line] ?? ['spec']),
    });
  }
  return configs;
}

/** Where a workload's pod spec sits in its manifest. */
function podSpecPath(object: ManifestObject): (string | number)[] {
  switch (object.kind) {
    case 'Pod':
      return ['spec'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    default:
      return ['spec', 'template', 'spec'];
  }
}

/** The most replicas a workload may run: an HPA's maxReplicas, else spec.replicas (1 when unset). */
export function maxReplicasOf(
  input: RuleInput,
  workload: ManifestObject,
): { replicas: number; why: string } {
  for (const hpa of objectsOfKind(input.objects, 'HorizontalPodAutoscaler')) {
    const spec = bodyOf(hpa).spec ?? {};
    const ref = spec.scaleTargetRef ?? {};
    const ns = namespaceOf(hpa);
    const wns = namespaceOf(workload);
    if (
      ref.kind === workload.kind &&
      ref.name === workload.name &&
      (!ns || !wns || ns === wns) &&
      Number.isInteger(spec.maxReplicas)
    ) {
      return {
        replicas: spec.maxReplicas,
        why: `${refOf(hpa)} maxReplicas`,
      };
    }
  }
  const replicas = bodyOf(workload).spec?.replicas;
  return Number.isInteger(replicas)
    ? { replicas, why: `${refOf(workload)} replicas` }
    : { replicas: 1, why: `${refOf(workload)}, no replicas set` };
}

/** The workloads that run a config: those mounting its ConfigMap, or running a PgBouncer image. */
export function poolerWorkloadsOf(
  input: RuleInput,
  config: PgBouncerConfig,
  configs: PgBouncerConfig[],
): ManifestObject[] {
  const mounted = (object: ManifestObject, name: string) => {
    const volumes = podTemplateOf(object)?.spec as
      | { volumes?: unknown[] }
      | undefined;
    return (Array.isArray(volumes?.volumes) ? volumes!.volumes : []).some(
      (v: any) =>
        v?.configMap?.name === name ||
        (Array.isArray(v?.projected?.sources) &&
          v.projected.sources.some((s: any) => s?.configMap?.name === name)),
    );
  };
  const configMapNames = configs
    .filter(c => c.configMap)
    .map(c => c.configMap!.name);
  return workloadsOf(input)
    .map(w => w.object)
    .filter(object => {
      if (config.workload) return object === config.workload;
      if (config.configMap) {
        const cmNs = namespaceOf(config.configMap);
        const ns = namespaceOf(object);
        return (
          (!cmNs || !ns || cmNs === ns) &&
          mounted(object, config.configMap.name)
        );
      }
      const pod = podTemplateOf(object);
      return (
        !!pod &&
        containersOf(pod).some(c => isPgBouncerImage(c.container.image)) &&
        !configMapNames.some(name => mounted(object, name)) &&
        // configured through its environment: counted for that configuration
        !configs.some(c => c.workload === object)
      );
    });
}
