import { evaluateRules, parseManifests } from '../engine';
import { workflowPermissionsRule } from './workflow-permissions';

const run = (content: string) =>
  evaluateRules(
    [workflowPermissionsRule],
    parseManifests([{ path: '.github/workflows/deploy.yaml', content }]),
  )[0];

const jobs = [
  'jobs:',
  '  test:',
  '    runs-on: ubuntu-24.04',
  '    steps: [{ run: make test }]',
  '  deploy:',
  '    runs-on: ubuntu-24.04',
  '    permissions: { id-token: write, contents: read }',
  '    steps: [{ run: make deploy }]',
].join('\n');

describe('workflow-permissions', () => {
  it('passes when the workflow or each job lists its permissions', () => {
    expect(
      run(`on: push\npermissions:\n  contents: read\n${jobs}`).status,
    ).toBe('pass');
    expect(run(`on: push\npermissions: {}\n${jobs}`).status).toBe('pass');
  });

  it('fails a job with no permissions anywhere, and write-all', () => {
    expect(run(`on: push\n${jobs}`).findings.map(f => f.message)).toEqual([
      'job test declares no permissions (neither does the workflow): add permissions with only what it needs, e.g. contents: read',
    ]);
    expect(
      run(`on: push\npermissions: write-all\n${jobs}`).findings.map(
        f => f.message,
      ),
    ).toEqual(['job test grants write-all: list only the scopes it needs']);
  });
});
