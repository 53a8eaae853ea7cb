import { evaluateRules, parseManifests } from '../engine';
import { actionsPushDefaultBranchRule } from './actions-push-default-branch';

const run = (content: string) =>
  evaluateRules(
    [actionsPushDefaultBranchRule],
    parseManifests([{ path: '.github/workflows/image.yml', content }]),
  )[0];

const workflow = (on: string, steps: string, jobIf = '') => `on: ${on}
permissions: { contents: read, packages: write }
jobs:
  image:
    runs-on: ubuntu-24.04${jobIf ? `\n    if: ${jobIf}` : ''}
    steps:
${steps}`;

const buildPush = (push: string) => `      - uses: docker/build-push-action@v6
        with:
          tags: ghcr.io/acme/orders:\${{ github.sha }}
          push: ${push}
`;

describe('actions-push-default-branch', () => {
  it('passes a push from a push-only workflow, a push guarded by the event, and a guarded job', () => {
    expect(
      run(workflow('{ push: { branches: [main] } }', buildPush('true'))).status,
    ).toBe('pass');
    const guarded = run(
      workflow(
        '[push, pull_request]',
        `${buildPush(
          "${{ github.event_name != 'pull_request' }}",
        )}      - run: docker push ghcr.io/acme/orders:\${{ github.sha }}\n        if: github.ref == 'refs/heads/main'\n`,
      ),
    );
    expect(guarded.status).toBe('pass');
    expect(guarded.findings.map(f => f.message)).toEqual([
      'job image, step 2 pushes (run: docker push) only when its if: condition allows',
    ]);
    expect(
      run(
        workflow(
          '{ pull_request: {}, push: { branches: [main] } }',
          buildPush('true'),
          "github.event_name == 'push'",
        ),
      ).status,
    ).toBe('pass');
  });

  it('fails an unguarded push in a workflow that runs on pull requests, at the step', () => {
    const result = run(
      workflow(
        '{ pull_request: { branches: [main] }, push: { branches: [main] } }',
        `${buildPush(
          'true',
        )}      - name: push with buildx\n        run: |\n          docker buildx build --platform linux/amd64 --push -t ghcr.io/acme/orders .\n`,
      ),
    );
    expect(result.status).toBe('fail');
    expect(result.findings.map(f => [f.line, f.message])).toEqual([
      [
        7,
        "job image, step 1 pushes an image (docker/build-push-action@v6 with push: true) and the workflow runs on pull_request: push only from the default branch, e.g. if: github.event_name == 'push' && github.ref == 'refs/heads/main', or push: ${{ github.event_name != 'pull_request' }}",
      ],
      [
        11,
        expect.stringContaining(
          'job image, push with buildx pushes an image (run: docker buildx build --platform linux/amd64 --push)',
        ),
      ],
    ]);
  });

  it('does not apply to workflows that push nothing', () => {
    expect(
      run(workflow('pull_request', '      - run: make test\n')).status,
    ).toBe('not-applicable');
  });
});
