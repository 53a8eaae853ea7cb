import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { pgbouncerPoolModeRule } from './pgbouncer-pool-mode';
import { ARTICLE_INI, configMap } from '../../__testUtils__/pgbouncer';

describe('pgbouncer-pool-mode', () => {
  it('passes transaction mode (a session alias alongside is fine), in a file or in a ConfigMap', () => {
    expect(evaluate(pgbouncerPoolModeRule).status).toBe('not-applicable');
    const evaluation = evaluate(pgbouncerPoolModeRule, undefined, {
      'db/pgbouncer.ini': ARTICLE_INI,
      'deploy/pgbouncer.yaml': configMap(),
    });
    expect(evaluation.status).toBe('pass');
    expect(evaluation.findings).toEqual([
      {
        status: 'pass',
        file: 'db/pgbouncer.ini',
        line: 8,
        column: 1,
        message:
          'db/pgbouncer.ini pools in transaction mode (session mode only for orders_session)',
      },
      {
        status: 'pass',
        file: 'deploy/pgbouncer.yaml',
        object: 'ConfigMap/pgbouncer-config',
        // the ini's 8th line, inside the block that starts after "pgbouncer.ini: |" on line 7
        line: 15,
        column: 1,
        message:
          'ConfigMap/pgbouncer-config pools in transaction mode (session mode only for orders_session)',
      },
    ]);
  });

  it('fails a config that leaves pool_mode to its default, at the [pgbouncer] header', () => {
    const ini = ARTICLE_INI.replace('pool_mode = transaction\n', '');
    const evaluation = evaluate(pgbouncerPoolModeRule, undefined, {
      'db/pgbouncer.ini': ini,
    });
    expect(evaluation.findings).toEqual([
      {
        status: 'fail',
        file: 'db/pgbouncer.ini',
        line: 4,
        column: 1,
        message:
          'db/pgbouncer.ini sets no pool_mode, so every pool runs in session mode (the default): a server connection stays with a client until it disconnects; set pool_mode = transaction',
      },
    ]);
  });

  it('fails session mode for every pool, and a mode PgBouncer does not know', () => {
    expect(
      failuresOf(pgbouncerPoolModeRule, undefined, {
        'db/pgbouncer.ini': ARTICLE_INI.replace(
          'pool_mode = transaction',
          'pool_mode = session',
        ),
        'other/pgbouncer.ini': ARTICLE_INI.replace(
          'pool_mode = transaction',
          'pool_mode = transactions',
        ),
      }),
    ).toEqual([
      'db/pgbouncer.ini: db/pgbouncer.ini sets pool_mode = session for every pool: idle client connections each hold a server connection; use transaction and give what needs session state its own alias with pool_mode=session',
      'other/pgbouncer.ini: other/pgbouncer.ini sets pool_mode = transactions, which PgBouncer does not know (session, transaction or statement)',
    ]);
  });
});

describe('pgbouncer-pool-mode with PgBouncer configured through its environment', () => {
  const pooler = (env: { name: string; value: string }[]) =>
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: pgbouncer }',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: pgbouncer',
      '          image: edoburu/pgbouncer:v1.25.2-p0',
      '          env:',
      ...env.flatMap(e => [
        `            - name: ${e.name}`,
        `              value: "${e.value}"`,
      ]),
      '',
    ].join('\n');

  it('reads POOL_MODE from the container, and fails a pooler that leaves it out', () => {
    expect(
      evaluate(pgbouncerPoolModeRule, undefined, {
        'deploy/pgbouncer.yaml': pooler([
          { name: 'DB_HOST', value: 'orders-db-rw' },
          { name: 'POOL_MODE', value: 'transaction' },
        ]),
      }).findings,
    ).toEqual([
      {
        status: 'pass',
        file: 'deploy/pgbouncer.yaml',
        object: 'Deployment/pgbouncer',
        line: 13,
        column: 15,
        message:
          'Deployment/pgbouncer container "pgbouncer" pools in transaction mode',
      },
    ]);
    expect(
      failuresOf(pgbouncerPoolModeRule, undefined, {
        'deploy/pgbouncer.yaml': pooler([
          { name: 'DB_HOST', value: 'orders-db-rw' },
        ]),
      }),
    ).toEqual([
      'deploy/pgbouncer.yaml: Deployment/pgbouncer: Deployment/pgbouncer container "pgbouncer" sets no pool_mode, so every pool runs in session mode (the default): a server connection stays with a client until it disconnects; set pool_mode = transaction',
    ]);
  });
});

describe('pgbouncer-pool-mode with a CloudNativePG Pooler', () => {
  const pooler = (poolMode?: string) =>
    [
      'apiVersion: postgresql.cnpg.io/v1',
      'kind: Pooler',
      'metadata: { name: orders-db-pooler-rw }',
      'spec:',
      '  cluster: { name: orders-db }',
      '  pgbouncer:',
      ...(poolMode ? [`    poolMode: ${poolMode}`] : []),
      '    parameters: { default_pool_size: "15" }',
      '',
    ].join('\n');

  it('reads spec.pgbouncer.poolMode, and fails a Pooler left at its session default', () => {
    expect(
      evaluate(pgbouncerPoolModeRule, undefined, {
        'deploy/pooler.yaml': pooler('transaction'),
      }).findings,
    ).toEqual([
      {
        status: 'pass',
        file: 'deploy/pooler.yaml',
        object: 'Pooler/orders-db-pooler-rw',
        line: 7,
        column: 5,
        message: 'Pooler/orders-db-pooler-rw pools in transaction mode',
      },
    ]);
    expect(
      failuresOf(pgbouncerPoolModeRule, undefined, {
        'deploy/pooler.yaml': pooler(),
      })[0],
    ).toMatch(
      /^deploy\/pooler.yaml: Pooler\/orders-db-pooler-rw: Pooler\/orders-db-pooler-rw sets no pool_mode/,
    );
  });
});
