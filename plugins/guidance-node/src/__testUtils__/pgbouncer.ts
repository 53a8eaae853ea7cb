/** The pooling article's production pgbouncer.ini (without comments), and manifests around it. */
export const ARTICLE_INI = [
  '[databases]',
  'orders = host=orders-db-rw.orders.svc.cluster.local port=5432 dbname=orders',
  'orders_session = host=orders-db-rw.orders.svc.cluster.local port=5432 dbname=orders pool_mode=session pool_size=5 reserve_pool_size=0',
  '[pgbouncer]',
  'listen_addr = 0.0.0.0',
  'listen_port = 6432',
  'auth_type = scram-sha-256',
  'pool_mode = transaction',
  'max_client_conn = 600',
  'default_pool_size = 15',
  'min_pool_size = 5',
  'reserve_pool_size = 3',
  'reserve_pool_timeout = 3',
  'max_db_connections = 18',
  '',
].join('\n');

const indent = (text: string, spaces: number) =>
  text
    .split('\n')
    .map(l => (l ? ' '.repeat(spaces) + l : l))
    .join('\n');

export const configMap = (ini: string = ARTICLE_INI) =>
  [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: pgbouncer-config',
    '  namespace: orders',
    'data:',
    '  pgbouncer.ini: |',
    indent(ini, 4),
  ].join('\n');

export const poolerDeployment = (replicas: number | undefined = 2) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: pgbouncer',
    '  namespace: orders',
    'spec:',
    ...(replicas !== undefined ? [`  replicas: ${replicas}`] : []),
    '  selector: { matchLabels: { app: pgbouncer } }',
    '  template:',
    '    metadata: { labels: { app: pgbouncer } }',
    '    spec:',
    '      containers:',
    '        - name: pgbouncer',
    '          image: ghcr.io/cloudnative-pg/pgbouncer:1.25.2',
    '      volumes:',
    '        - name: config',
    '          configMap: { name: pgbouncer-config }',
    '',
  ].join('\n');

export const cnpgCluster = (parameters: Record<string, string> = {}) =>
  [
    'apiVersion: postgresql.cnpg.io/v1',
    'kind: Cluster',
    'metadata:',
    '  name: orders-db',
    '  namespace: orders',
    'spec:',
    '  instances: 3',
    ...(Object.keys(parameters).length > 0
      ? [
          '  postgresql:',
          '    parameters:',
          ...Object.entries(parameters).map(([k, v]) => `      ${k}: "${v}"`),
        ]
      : []),
    '',
  ].join('\n');
