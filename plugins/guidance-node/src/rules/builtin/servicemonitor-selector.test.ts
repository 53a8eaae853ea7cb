import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { serviceMonitorSelectorRule } from './servicemonitor-selector';

describe('servicemonitor-selector', () => {
  it('passes a ServiceMonitor that scrapes a named port of a selected Service', () => {
    expect(evaluate(serviceMonitorSelectorRule).status).toBe('pass');
  });

  it('fails one that selects no Service', () => {
    expect(
      failuresOf(serviceMonitorSelectorRule, s => {
        s.serviceMonitor.spec.selector.matchLabels = { app: 'orders' };
      }),
    ).toEqual([
      'monitoring/observability.yml: ServiceMonitor/orders: selector.matchLabels app=orders matches the labels of no Service',
    ]);
  });

  it('fails one that scrapes a port the Service does not name', () => {
    expect(
      failuresOf(serviceMonitorSelectorRule, s => {
        s.serviceMonitor.spec.endpoints = [
          { port: 'metrics', path: '/metrics' },
          { targetPort: 8080 },
        ];
      }),
    ).toEqual([
      'monitoring/observability.yml: ServiceMonitor/orders: endpoint port "metrics" is not a port name of Service/orders (ports "http")',
      'monitoring/observability.yml: ServiceMonitor/orders: endpoint 2 does not name a Service port (endpoints[].port)',
    ]);
  });

  it('does not fail for a Service in a file that does not parse', () => {
    const evaluation = evaluate(serviceMonitorSelectorRule, undefined, {
      'deploy/base/service.yaml': 'kind: Service\nmetadata: : x\n',
    });
    expect(evaluation.status).toBe('not-applicable');
    expect(evaluation.findings[0].message).toBe(
      'selector.matchLabels app.kubernetes.io/name=orders matches the labels of no Service among the files that parse; not judged until deploy/base/service.yaml parses (see the yaml rule)',
    );
  });
});
