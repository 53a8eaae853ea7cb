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

  it('does not fail when the workload may be in a file that does not parse', () => {
    // a merge left conflict markers the first side of which is not YAML
    const evaluation = evaluate(serviceSelectorRule, undefined, {
      'deploy/base/deployment.yaml': 'kind: Deployment\nspec: [unclosed\n',
    });
    expect(evaluation.status).toBe('not-applicable');
    expect(evaluation.findings).toEqual([
      {
        status: 'not-applicable',
        file: 'deploy/base/service.yaml',
        object: 'Service/orders',
        // the Service is the file's first document
        line: 1,
        column: 1,
        message:
          'selector app.kubernetes.io/name=orders matches the pod labels of no workload among the files that parse; not judged until deploy/base/deployment.yaml parses (see the yaml rule)',
      },
    ]);
  });
});
