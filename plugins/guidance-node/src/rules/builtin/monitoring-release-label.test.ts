import { stringify } from 'yaml';
import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { monitoringReleaseLabelRule } from './monitoring-release-label';

const values = (prometheusSpec: Record<string, unknown>) =>
  stringify({
    prometheus: { prometheusSpec: { retention: '15d', ...prometheusSpec } },
  });

const helmRelease = (prometheusSpec: Record<string, unknown>) =>
  stringify({
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name: 'monitoring', namespace: 'flux-system' },
    spec: {
      interval: '1h',
      chart: {
        spec: {
          chart: 'kube-prometheus-stack',
          version: '88.5.3',
          sourceRef: { kind: 'HelmRepository', name: 'prometheus-community' },
        },
      },
      values: { prometheus: { prometheusSpec } },
    },
  });

/** The clean set's ServiceMonitor carries app.kubernetes.io/name=orders, no release label. */
const withRelease = (release: string) => (set: any) => {
  set.serviceMonitor.metadata.labels = { release };
};

describe('monitoring-release-label', () => {
  it('does not apply without kube-prometheus-stack among the files', () => {
    expect(evaluate(monitoringReleaseLabelRule).status).toBe('not-applicable');
  });

  it("fails a ServiceMonitor without the release label the chart's defaults select, at its labels", () => {
    const evaluation = evaluate(monitoringReleaseLabelRule, undefined, {
      'clusters/prod/monitoring.yaml': helmRelease({}),
    });
    expect(evaluation.status).toBe('fail');
    expect(evaluation.findings).toEqual([
      {
        status: 'fail',
        file: 'monitoring/observability.yml',
        object: 'ServiceMonitor/orders',
        line: 3,
        column: 1,
        message:
          'is ignored by the Prometheus of HelmRelease/monitoring, which loads only the label release=monitoring (serviceMonitorSelectorNilUsesHelmValues is true by default); its labels are none',
      },
    ]);
    expect(
      evaluate(monitoringReleaseLabelRule, withRelease('monitoring'), {
        'clusters/prod/monitoring.yaml': helmRelease({}),
      }).status,
    ).toBe('pass');
    // renamed release: the old label no longer matches
    expect(
      failuresOf(monitoringReleaseLabelRule, withRelease('monitoring'), {
        'clusters/prod/monitoring.yaml': helmRelease({}).replace(
          'interval: 1h',
          'interval: 1h\n  releaseName: kube-prometheus-stack',
        ),
      })[0],
    ).toMatch(
      /loads only the label release=kube-prometheus-stack .*its labels are release=monitoring$/,
    );
  });

  it('passes everything when NilUsesHelmValues is false, and reads an explicit selector', () => {
    expect(
      evaluate(monitoringReleaseLabelRule, undefined, {
        'monitoring/kube-prometheus-stack/values.yaml': values({
          serviceMonitorSelectorNilUsesHelmValues: false,
        }),
      }).findings.map(f => f.message),
    ).toEqual([
      'is selected by the Prometheus of monitoring/kube-prometheus-stack/values.yaml, which loads everything',
    ]);
    expect(
      failuresOf(monitoringReleaseLabelRule, undefined, {
        'monitoring/kube-prometheus-stack/values.yaml': values({
          serviceMonitorSelector: { matchLabels: { prometheus: 'main' } },
        }),
      }),
    ).toEqual([
      'monitoring/observability.yml: ServiceMonitor/orders: is ignored by the Prometheus of monitoring/kube-prometheus-stack/values.yaml, which loads only its serviceMonitorSelector (prometheus=main); its labels are none',
    ]);
  });

  it('with a values file alone (no release name among the files), asks for a release label of any value', () => {
    const files = {
      'monitoring/kube-prometheus-stack/values.yaml': values({
        serviceMonitorSelectorNilUsesHelmValues: true,
      }),
    };
    expect(evaluate(monitoringReleaseLabelRule, undefined, files).status).toBe(
      'fail',
    );
    expect(
      evaluate(monitoringReleaseLabelRule, withRelease('monitoring'), files)
        .status,
    ).toBe('pass');
  });

  it('reads an Argo CD Application of the chart: its name is the release unless helm.releaseName says otherwise', () => {
    const application = (helm: Record<string, unknown>) =>
      stringify({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'monitoring' },
        spec: {
          project: 'platform',
          source: {
            repoURL: 'https://prometheus-community.github.io/helm-charts',
            chart: 'kube-prometheus-stack',
            targetRevision: '88.5.3',
            helm,
          },
        },
      });
    expect(
      evaluate(monitoringReleaseLabelRule, withRelease('monitoring'), {
        'argocd/monitoring.yaml': application({ valuesObject: {} }),
      }).status,
    ).toBe('pass');
    expect(
      failuresOf(monitoringReleaseLabelRule, withRelease('monitoring'), {
        'argocd/monitoring.yaml': application({ releaseName: 'kps' }),
      })[0],
    ).toMatch(
      /Application\/monitoring, which loads only the label release=kps/,
    );
  });
});
