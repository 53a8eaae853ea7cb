import { stringify } from 'yaml';
import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import {
  ARTICLE_INI,
  cnpgCluster,
  configMap,
  poolerDeployment,
} from '../../__testUtils__/pgbouncer';
import { pgbouncerPoolSizeRule } from './pgbouncer-pool-size';

describe('pgbouncer-pool-size', () => {
  it("passes the article's worked example: 2 replicas x (18 + 5) = 46, plus 3 reserved, of 100", () => {
    expect(evaluate(pgbouncerPoolSizeRule).status).toBe('not-applicable');
    const evaluation = evaluate(pgbouncerPoolSizeRule, undefined, {
      'deploy/pgbouncer-config.yaml': configMap(),
      'deploy/pgbouncer.yaml': poolerDeployment(2),
      'deploy/cluster.yaml': cnpgCluster(),
    });
    expect(evaluation.status).toBe('pass');
    expect(evaluation.findings).toEqual([
      {
        status: 'pass',
        file: 'deploy/pgbouncer-config.yaml',
        object: 'ConfigMap/pgbouncer-config',
        line: 17,
        column: 1,
        message:
          "ConfigMap/pgbouncer-config: 2 replicas (2 from Deployment/pgbouncer replicas) × (orders 18 + orders_session 5) = 46 server connections at worst, plus 3 reserved for superusers = 49, against max_connections 100 of Cluster/orders-db (PostgreSQL's default): 51 left for monitoring and backup agents, migrations, admin sessions and headroom (one pool per alias counted: an alias without user= has a pool per user that connects)",
      },
    ]);
  });

  it("counts an HPA's maxReplicas and fails when the pools outgrow max_connections", () => {
    const hpa = stringify({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'pgbouncer', namespace: 'orders' },
      spec: {
        scaleTargetRef: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'pgbouncer',
        },
        minReplicas: 2,
        maxReplicas: 6,
      },
    });
    expect(
      failuresOf(pgbouncerPoolSizeRule, undefined, {
        'deploy/pgbouncer-config.yaml': configMap(
          ARTICLE_INI.replace('max_db_connections = 18\n', ''),
        ),
        'deploy/pgbouncer.yaml': poolerDeployment(undefined),
        'deploy/hpa.yaml': hpa,
        'deploy/cluster.yaml': cnpgCluster({
          max_connections: '120',
          superuser_reserved_connections: '5',
        }),
      }),
    ).toEqual([
      'deploy/pgbouncer-config.yaml: ConfigMap/pgbouncer-config: ConfigMap/pgbouncer-config: 6 replicas (6 from HorizontalPodAutoscaler/pgbouncer maxReplicas) × (orders 18 + orders_session 5) = 138 server connections at worst, plus 5 reserved for superusers = 143, against max_connections 120 of Cluster/orders-db (Cluster/orders-db spec.postgresql.parameters): 23 over; lower default_pool_size or the replica count (or cap with max_db_connections), or raise max_connections (one pool per alias counted: an alias without user= has a pool per user that connects)',
    ]);
  });

  it('reads max_connections from a postgres container and sums every pooler of one server', () => {
    const postgres = stringify({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'postgres' },
      spec: {
        replicas: 1,
        template: {
          spec: {
            containers: [
              {
                name: 'postgres',
                image: 'postgres:17.6',
                args: ['-c', 'max_connections=50'],
              },
            ],
          },
        },
      },
    });
    const ini = (size: number) =>
      `[databases]\napp = host=postgres.db.svc port=5432 dbname=app user=app\n[pgbouncer]\npool_mode = transaction\ndefault_pool_size = ${size}\n`;
    const evaluation = evaluate(pgbouncerPoolSizeRule, undefined, {
      'deploy/postgres.yaml': postgres,
      'a/pgbouncer.ini': ini(20),
      'b/pgbouncer.ini': ini(10),
    });
    expect(evaluation.findings).toEqual([
      {
        status: 'pass',
        file: 'a/pgbouncer.ini',
        line: 5,
        column: 1,
        message:
          'a/pgbouncer.ini: 1 replica (no workload among the files runs it: 1 assumed) × (app 20); b/pgbouncer.ini: 1 replica (no workload among the files runs it: 1 assumed) × (app 10) = 30 server connections at worst, plus 3 reserved for superusers = 33, against max_connections 50 of StatefulSet/postgres (StatefulSet/postgres args): 17 left for monitoring and backup agents, migrations, admin sessions and headroom',
      },
    ]);
    // a larger pool on one of the two poolers tips the sum over
    expect(
      failuresOf(pgbouncerPoolSizeRule, undefined, {
        'deploy/postgres.yaml': postgres,
        'a/pgbouncer.ini': ini(40),
        'b/pgbouncer.ini': ini(10),
      })[0],
    ).toMatch(
      /= 50 server connections at worst, plus 3 reserved for superusers = 53, against max_connections 50 .*: 3 over;/,
    );
  });

  it('says it cannot check when the database is not among the files', () => {
    const evaluation = evaluate(pgbouncerPoolSizeRule, undefined, {
      'db/pgbouncer.ini': ARTICLE_INI,
    });
    expect(evaluation.status).toBe('not-applicable');
    expect(evaluation.findings.map(f => [f.line, f.message])).toEqual([
      [
        2,
        'cannot check alias orders of db/pgbouncer.ini: the max_connections of the server it connects to (orders-db-rw.orders.svc.cluster.local) is not among the files',
      ],
      [
        3,
        'cannot check alias orders_session of db/pgbouncer.ini: the max_connections of the server it connects to (orders-db-rw.orders.svc.cluster.local) is not among the files',
      ],
    ]);
  });
});

describe('pgbouncer-pool-size with PgBouncer configured through its environment', () => {
  const pooler = (env: Record<string, string>, replicas = 2) =>
    stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'orders-db-pgbouncer' },
      spec: {
        replicas,
        template: {
          spec: {
            containers: [
              {
                name: 'pgbouncer',
                image: 'edoburu/pgbouncer:v1.25.2-p0',
                env: [
                  {
                    name: 'DB_PASSWORD',
                    valueFrom: { secretKeyRef: { name: 'x', key: 'y' } },
                  },
                  ...Object.entries(env).map(([name, value]) => ({
                    name,
                    value,
                  })),
                ],
              },
            ],
          },
        },
      },
    });

  it('reads POOL_MODE, DEFAULT_POOL_SIZE, RESERVE_POOL_SIZE and DB_HOST as the image does', () => {
    const files = (defaultPoolSize: string) => ({
      'deploy/pgbouncer.yaml': pooler({
        DB_HOST: 'orders-db-rw',
        DB_NAME: 'orders',
        POOL_MODE: 'transaction',
        DEFAULT_POOL_SIZE: defaultPoolSize,
        RESERVE_POOL_SIZE: '5',
      }),
      'deploy/cluster.yaml': cnpgCluster({ max_connections: '200' }),
    });
    const evaluation = evaluate(pgbouncerPoolSizeRule, undefined, files('87'));
    expect(evaluation.findings).toEqual([
      {
        status: 'pass',
        file: 'deploy/pgbouncer.yaml',
        object: 'Deployment/orders-db-pgbouncer',
        // the DEFAULT_POOL_SIZE entry of the container's env
        line: expect.any(Number),
        column: expect.any(Number),
        message:
          'Deployment/orders-db-pgbouncer container "pgbouncer": 2 replicas (2 from Deployment/orders-db-pgbouncer replicas) × (orders 92) = 184 server connections at worst, plus 3 reserved for superusers = 187, against max_connections 200 of Cluster/orders-db (Cluster/orders-db spec.postgresql.parameters): 13 left for monitoring and backup agents, migrations, admin sessions and headroom (one pool per alias counted: an alias without user= has a pool per user that connects)',
      },
    ]);
    const content = files('87')['deploy/pgbouncer.yaml'].split('\n');
    expect(content[evaluation.findings[0].line! - 1]).toContain(
      'name: DEFAULT_POOL_SIZE',
    );
    expect(
      failuresOf(pgbouncerPoolSizeRule, undefined, files('100'))[0],
    ).toMatch(/= 210 .*= 213, against max_connections 200 .*: 13 over;/);
  });
});

describe('pgbouncer-pool-size with a CloudNativePG Pooler', () => {
  const pooler = (instances: number) =>
    [
      'apiVersion: postgresql.cnpg.io/v1',
      'kind: Pooler',
      'metadata: { name: orders-db-pooler-rw, namespace: orders }',
      'spec:',
      '  cluster: { name: orders-db }',
      `  instances: ${instances}`,
      '  type: rw',
      '  pgbouncer:',
      '    poolMode: transaction',
      '    parameters:',
      '      max_client_conn: "600"',
      '      default_pool_size: "15"',
      '      reserve_pool_size: "3"',
      '      max_db_connections: "18"',
      '',
    ].join('\n');

  it("counts the Pooler's instances against its cluster, as the article's CloudNativePG example", () => {
    const evaluation = evaluate(pgbouncerPoolSizeRule, undefined, {
      'deploy/pooler.yaml': pooler(2),
      'deploy/cluster.yaml': cnpgCluster(),
    });
    expect(evaluation.findings).toEqual([
      {
        status: 'pass',
        file: 'deploy/pooler.yaml',
        object: 'Pooler/orders-db-pooler-rw',
        line: 12,
        column: 7,
        message:
          "Pooler/orders-db-pooler-rw: 2 replicas (2 from Pooler/orders-db-pooler-rw instances) × (* 18) = 36 server connections at worst, plus 3 reserved for superusers = 39, against max_connections 100 of Cluster/orders-db (PostgreSQL's default): 61 left for monitoring and backup agents, migrations, admin sessions and headroom (one pool per alias counted: an alias without user= has a pool per user that connects)",
      },
    ]);
    expect(
      failuresOf(pgbouncerPoolSizeRule, undefined, {
        'deploy/pooler.yaml': pooler(6),
        'deploy/cluster.yaml': cnpgCluster(),
      })[0],
    ).toMatch(/6 replicas .* = 108 .*: 11 over;/);
  });
});
