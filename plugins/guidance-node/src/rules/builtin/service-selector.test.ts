import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { serviceSelectorRule } from './service-selector';

describe('service-selector', () => {
  it('passes a Service that selects the pods of a workload', () => {
    const evaluation = evaluate(serviceSelectorRule);
    expect(evaluation.status).toBe('pass');
    expect(evaluation.findings[0].message).toBe(
      'selects the pods of Deployment/orders',
    );
  });

  it('fails a Service whose selector matches no pods', () => {
    expect(
      failuresOf(serviceSelectorRule, s => {
        s.service.spec.selector = { 'app.kubernetes.io/name': 'order' };
      }),
    ).toEqual([
      'deploy/base/service.yaml: Service/orders: selector app.kubernetes.io/name=order matches the pod labels of no workload',
    ]);
  });
});
