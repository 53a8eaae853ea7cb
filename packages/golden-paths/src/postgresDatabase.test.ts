import {
  DryRunBackend,
  startDryRunBackend,
} from './__testUtils__/scaffolderDryRun';
import { buildOverlays, render } from './__testUtils__/renderedRepository';
import { GeneratedRepository } from './__testUtils__/generatedRepository';
import { KubeObject } from './__testUtils__/seams';
import { loadTemplate } from './__testUtils__/templateDirectory';

// Review items 10 and 11: the database is usable from the namespaces the golden-path services
// actually get, and the vault-agent variant is one story (annotations, role, paths, README, docs).

jest.setTimeout(300_000);

const OWNER = 'group:default/team-a';
const BASE = {
  name: 'orders-db',
  owner: OWNER,
  databaseName: 'orders',
  databaseOwner: 'orders',
  publishTo: 'local',
};
const IN_CLUSTER = {
  placement: 'in-cluster',
  postgresVersion: '16',
  backupDestination: 's3://acme-postgres-backups',
};

/** `kubectl kustomize deploy/clients` through the overlay builder. */
async function buildClients(repository: GeneratedRepository) {
  const moved = new GeneratedRepository(
    repository
      .paths()
      .filter(p => p.startsWith('deploy/'))
      .map(p => ({
        path: p.replace(/^deploy\/clients\//, 'deploy/overlays/clients/'),
        base64Content: Buffer.from(repository.read(p)).toString('base64'),
      })),
  );
  return (await buildOverlays(moved))['deploy/overlays/clients'] ?? [];
}

describe('postgres-database from the services’ side', () => {
  let scaffolder: DryRunBackend;

  beforeAll(async () => {
    scaffolder = await startDryRunBackend();
  });

  afterAll(async () => {
    await scaffolder?.stop();
  });

  it('every namespace a go-service or node-service deploys to by default gets the connection and the credentials, and may reach PgBouncer', async () => {
    const service = await render(scaffolder, 'go-service', {
      name: 'orders-api',
      owner: OWNER,
      publishTo: 'local',
    });
    const serviceNamespaces = [
      ...new Set(
        Object.values(service.built)
          .flat()
          .filter(o => o.kind === 'Deployment')
          .map(o => o.metadata.namespace),
      ),
    ].sort();
    expect(serviceNamespaces).toEqual(['services', 'services-dev']);

    const db = await render(scaffolder, 'postgres-database', {
      ...BASE,
      ...IN_CLUSTER,
      secretsStore: 'external-secrets',
    });
    const clients = await buildClients(db.repository);
    const where = (kind: string) =>
      clients
        .filter(o => o.kind === kind)
        .map(o => `${o.metadata.namespace}/${o.metadata.name}`)
        .sort();
    expect(where('ConfigMap')).toEqual(
      serviceNamespaces.map(ns => `${ns}/orders-db-connection`).sort(),
    );
    expect(where('ExternalSecret')).toEqual(
      serviceNamespaces.map(ns => `${ns}/orders-db-app-credentials`).sort(),
    );
    const config = clients.find(o => o.kind === 'ConfigMap') as any;
    expect(config.data.PGHOST).toBe('orders-db-pgbouncer.databases.svc');

    // The clients read the same remote secret PgBouncer's own copy is made from.
    const baseSecret = db.repository
      .kubernetesObjects()
      .find(
        ({ file, object }) =>
          file.startsWith('deploy/base/') && object.kind === 'ExternalSecret',
      )!.object;
    for (const secret of clients.filter(o => o.kind === 'ExternalSecret')) {
      expect(secret.spec.dataFrom).toEqual(baseSecret.spec.dataFrom);
      expect(secret.spec.secretStoreRef).toEqual(
        baseSecret.spec.secretStoreRef,
      );
    }

    // deploy/base is not an overlay: build it on its own.
    const base = (
      await buildOverlays(
        new GeneratedRepository(
          db.repository
            .paths()
            .filter(p => p.startsWith('deploy/base/'))
            .map(p => ({
              path: p.replace(/^deploy\/base\//, 'deploy/overlays/base/'),
              base64Content: Buffer.from(db.repository.read(p)).toString(
                'base64',
              ),
            })),
        ),
      )
    )['deploy/overlays/base'] as KubeObject[];
    const networkPolicy = base.find(o => o.kind === 'NetworkPolicy')!;
    expect(networkPolicy.metadata.namespace).toBe('databases');
    const [rule] = networkPolicy.spec.ingress;
    expect(
      rule.from[0].namespaceSelector.matchExpressions[0].values.sort(),
    ).toEqual(serviceNamespaces);
    const pgbouncer = base.find(o => o.kind === 'Deployment')!;
    expect(networkPolicy.spec.podSelector.matchLabels).toEqual(
      pgbouncer.spec.selector.matchLabels,
    );
  });

  it('other application namespaces are a parameter; a bad namespace name is refused by the form', async () => {
    const db = await render(scaffolder, 'postgres-database', {
      ...BASE,
      placement: 'managed',
      managedHost: 'orders.abc123.eu-west-1.rds.amazonaws.com',
      secretsStore: 'none',
      clientNamespaces: ['shop', 'shop-dev', 'reports'],
    });
    const clients = await buildClients(db.repository);
    expect(
      clients.map(o => `${o.kind} ${o.metadata.namespace}`).sort(),
    ).toEqual(['ConfigMap reports', 'ConfigMap shop', 'ConfigMap shop-dev']);
    const readme = db.repository.read('README.md');
    expect(readme).toContain(
      'for each `NS` in databases shop shop-dev reports, `kubectl create secret generic orders-db-app-credentials -n "$NS"',
    );
    const { spec } = await loadTemplate('postgres-database');
    const items = spec.parameters.find(
      (p: any) => p.properties?.clientNamespaces,
    ).properties.clientNamespaces.items;
    expect(new RegExp(items.pattern).test('Services_Dev')).toBe(false);
    expect(new RegExp(items.pattern).test('services-dev')).toBe(true);
  });

  it.each(['in-cluster', 'managed'])(
    'vault-agent (%s): the annotations, the role, the policy path, the README and the docs tell one story',
    async placement => {
      const db = await render(scaffolder, 'postgres-database', {
        ...BASE,
        ...(placement === 'in-cluster'
          ? IN_CLUSTER
          : {
              placement,
              managedHost: 'orders.abc123.eu-west-1.rds.amazonaws.com',
            }),
        secretsStore: 'vault-agent',
      });
      const { repository } = db;
      const deployment = repository
        .kubernetesObjects()
        .find(({ object }) => object.kind === 'Deployment')!.object;
      const annotations = deployment.spec.template.metadata.annotations;
      const role = annotations['vault.hashicorp.com/role'];
      const path =
        annotations['vault.hashicorp.com/agent-inject-secret-app.env'];
      expect(role).toBe('orders-db-database');
      expect(path).toBe('secret/data/databases/orders-db');
      expect(repository.read('deploy/vault/policy.hcl')).toContain(
        `path "${path}"`,
      );
      const readme = repository.read('README.md');
      expect(readme).toContain(
        `vault policy write ${role} deploy/vault/policy.hcl`,
      );
      expect(readme).toContain(
        `vault write auth/kubernetes/role/${role} bound_service_account_names=${deployment.spec.template.spec.serviceAccountName} bound_service_account_namespaces=databases policies=${role}`,
      );
      expect(readme).toContain('vault kv put secret/databases/orders-db ');
      // No Secret this variant never creates, and no leftovers of the service template's docs.
      expect(readme).not.toContain('orders-db-app-credentials');
      const docs = repository.read('docs/secrets.md');
      expect(docs).not.toMatch(/API_TOKEN|SECRETS_FILE/);
      expect(docs).toContain('secret/data/databases/orders-db');
      // In the cluster the password is CloudNativePG's, copied into Vault; managed, the team's own.
      expect(
        readme.includes(
          'password="$(kubectl get secret orders-db-app -n databases -o jsonpath=\'{.data.password}\' | base64 -d)"',
        ),
      ).toBe(placement === 'in-cluster');
    },
  );
});
