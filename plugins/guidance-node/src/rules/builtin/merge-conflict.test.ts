import {
  cleanSet,
  evaluate,
  failuresOf,
  filesOf,
  inputOf,
} from '../../__testUtils__/manifests';
import { evaluateRules } from '../engine';
import { BUILTIN_RULES } from '.';
import { mergeConflictRule } from './merge-conflict';

/** The clean Deployment file with one line changed on both sides, as the upgrade marks it. */
function conflicted(theirsLabel = 'go-service v2') {
  const file = filesOf(cleanSet())['deploy/base/deployment.yaml'];
  const lines = file.split('\n');
  const at = lines.findIndex(l => l.includes('path: /healthz'));
  const line = lines[at];
  lines.splice(
    at,
    1,
    '<<<<<<< main',
    line.replace('/healthz', '/health'),
    '||||||| go-service v1',
    line,
    '=======',
    line.replace('/healthz', '/livez'),
    `>>>>>>> ${theirsLabel}`,
  );
  return { content: lines.join('\n'), line: at + 1 };
}

describe('merge-conflict', () => {
  it('passes when no file keeps markers', () => {
    expect(evaluate(mergeConflictRule).status).toBe('pass');
  });

  it('says which upgrade left the markers, and where', () => {
    const { content, line } = conflicted();
    expect(
      failuresOf(mergeConflictRule, undefined, {
        'deploy/base/deployment.yaml': content,
      }),
    ).toEqual([
      `deploy/base/deployment.yaml: unresolved merge conflict from the go-service v2 upgrade (line ${line}): keep the lines you want, delete the <<<<<<<, |||||||, ======= and >>>>>>> lines and commit. Until then the other checks read the side before the merge`,
    ]);
  });

  it('counts the blocks of a file and names another merge as it is', () => {
    const text = [
      '<<<<<<< HEAD',
      'a: 1',
      '=======',
      'a: 2',
      '>>>>>>> feature/x',
      'b: 1',
      '<<<<<<< HEAD',
      'c: 1',
      '=======',
      'c: 2',
      '>>>>>>> feature/x',
      '',
    ].join('\n');
    expect(
      failuresOf(mergeConflictRule, undefined, { 'deploy/extra.yaml': text }),
    ).toEqual([
      'deploy/extra.yaml: 2 unresolved merge conflicts (merging "feature/x") (lines 1, 7): keep the lines you want, delete the <<<<<<<, |||||||, ======= and >>>>>>> lines and commit. Until then the other checks read the side before the merge',
    ]);
  });

  it('leaves the objects of a conflicted file to the other rules: no false failures, no parse error', () => {
    const { content } = conflicted();
    const input = inputOf({
      ...filesOf(cleanSet()),
      'deploy/base/deployment.yaml': content,
    });
    expect(input.parseErrors).toEqual([]);
    expect(
      input.objects.find(o => o.kind === 'Deployment')?.body,
    ).toMatchObject({ metadata: { name: 'orders' } });
    const failing = evaluateRules(BUILTIN_RULES, input)
      .filter(r => r.status === 'fail')
      .map(r => r.rule.id);
    expect(failing).toEqual(['merge-conflict']);
  });

  it('leaves a block that never closes to the yaml rule', () => {
    const input = inputOf({
      'deploy/x.yaml': 'a: 1\n<<<<<<< main\nb: [\n',
    });
    expect(input.conflicts).toEqual([]);
    expect(input.parseErrors).toHaveLength(1);
  });
});
