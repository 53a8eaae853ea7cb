import { createIncludeMatcher } from './sourceFiles';

describe('the default include globs, for the GitOps, alert rule and PgBouncer rules', () => {
  const matches = createIncludeMatcher();

  it.each([
    'argocd/apps/orders.yaml',
    'clusters/prod-eu-1/apps.yaml',
    'flux/kustomizations.yml',
    'gitops/root-app.yaml',
    'monitoring/kube-prometheus-stack/values.yaml',
    'prometheus/rules/http.yml',
    'ops/alerts/orders.rules.yaml',
    'pgbouncer.ini',
    'db/pgbouncer/pgbouncer.ini',
  ])('reads %s', path => {
    expect(matches(path)).toBe(true);
  });

  it.each([
    'docs/orders.yaml',
    'db/pgbouncer.ini.example',
    'charts/x/values.yaml',
  ])('leaves %s out', path => {
    expect(matches(path)).toBe(false);
  });
});
