import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { yamlRule } from './yaml';

describe('yaml', () => {
  it('passes when every file parses', () => {
    expect(evaluate(yamlRule).status).toBe('pass');
  });

  it('names a file that does not parse', () => {
    const lines = failuresOf(yamlRule, undefined, {
      'deploy/broken.yaml': 'a: [unclosed\n',
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^deploy\/broken\.yaml: does not parse: /);
  });
});
