import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { evaluateRules, parseManifests } from '../engine';
import { yamlRule } from './yaml';

describe('yaml', () => {
  it('passes when every file parses', () => {
    expect(evaluate(yamlRule).status).toBe('pass');
  });

  it('names a file that does not parse, with a line and column inside it', () => {
    const lines = failuresOf(yamlRule, undefined, {
      'deploy/broken.yaml': 'a: [unclosed\n',
    });
    // the parser points past the text; the finding points at its last character
    expect(lines).toEqual([
      'deploy/broken.yaml: does not parse at line 1, column 12: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('gives the position as fields, on the line the error is', () => {
    const [result] = evaluateRules(
      [yamlRule],
      parseManifests([
        { path: 'deploy/a.yaml', content: 'a: 1\n---\nkind: x\nb: : x\n' },
      ]),
    );
    expect(result.findings).toEqual([
      {
        status: 'fail',
        file: 'deploy/a.yaml',
        line: 4,
        column: 4,
        message:
          'does not parse at line 4, column 4: Nested mappings are not allowed in compact mappings',
      },
    ]);
  });

  it('counts lines of the file as written when a conflict block was dropped', () => {
    const [result] = evaluateRules(
      [yamlRule],
      parseManifests([
        {
          path: 'deploy/a.yaml',
          content:
            'a: 1\n<<<<<<< main\nb: 2\n=======\nb: 3\n>>>>>>> go-service v2\nc: : x\n',
        },
      ]),
    );
    expect(result.findings[0]).toMatchObject({ line: 7, column: 4 });
  });
});
