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
      'monitoring/observability.yml: ServiceMonitor/orders: endpoint port "metrics" is not a port name of Service/orders',
      'monitoring/observability.yml: ServiceMonitor/orders: endpoint 2 does not name a Service port (endpoints[].port)',
    ]);
  });
});
