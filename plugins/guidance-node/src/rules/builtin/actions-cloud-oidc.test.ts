import { evaluateRules, parseManifests } from '../engine';
import { actionsCloudOidcRule } from './actions-cloud-oidc';

const run = (content: string) =>
  evaluateRules(
    [actionsCloudOidcRule],
    parseManifests([{ path: '.github/workflows/deploy.yml', content }]),
  )[0];

describe('actions-cloud-oidc', () => {
  it('passes OIDC logins to AWS, Azure and Google Cloud with id-token: write', () => {
    const result = run(`on: { push: { branches: [main] } }
permissions:
  id-token: write
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-24.04
    steps:
      - uses: aws-actions/configure-aws-credentials@v6
        with:
          role-to-assume: arn:aws:iam::111122223333:role/github-deploy-orders
          aws-region: eu-west-1
      - name: azure
        uses: azure/login@v2
        with:
          client-id: \${{ vars.AZURE_CLIENT_ID }}
          tenant-id: \${{ vars.AZURE_TENANT_ID }}
          subscription-id: \${{ vars.AZURE_SUBSCRIPTION_ID }}
      - uses: google-github-actions/auth@v3
        with:
          workload_identity_provider: projects/123/locations/global/workloadIdentityPools/github/providers/acme
`);
    expect(result.status).toBe('pass');
    expect(result.findings.map(f => [f.line, f.message])).toEqual([
      [
        9,
        'job deploy, step 1 (aws-actions/configure-aws-credentials) logs in with an OIDC token',
      ],
      [14, 'job deploy, azure (azure/login) logs in with an OIDC token'],
      [
        19,
        'job deploy, step 3 (google-github-actions/auth) logs in with an OIDC token',
      ],
    ]);
  });

  it('fails stored keys in the login inputs and in env, with the line of each', () => {
    const result = run(`on: push
permissions: { contents: read }
env:
  AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
jobs:
  deploy:
    runs-on: ubuntu-24.04
    steps:
      - uses: aws-actions/configure-aws-credentials@v6
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          role-to-assume: arn:aws:iam::111122223333:role/deploy
      - uses: azure/login@v2
        with:
          creds: \${{ secrets.AZURE_CREDENTIALS }}
      - uses: google-github-actions/auth@v3
        with:
          credentials_json: \${{ secrets.GCP_SA_KEY }}
`);
    expect(result.status).toBe('fail');
    expect(result.findings.map(f => [f.line, f.message])).toEqual([
      [
        4,
        "the workflow sets AWS_SECRET_ACCESS_KEY, a long-lived cloud key: log in with the cloud's OIDC action instead (role-to-assume, client-id, workload_identity_provider)",
      ],
      [
        11,
        'job deploy, step 1 (aws-actions/configure-aws-credentials) logs in with aws-access-key-id and aws-secret-access-key, a long-lived key: use role-to-assume with a role whose trust policy names this repository, and id-token: write',
      ],
      [
        16,
        'job deploy, step 2 (azure/login) logs in with creds, a long-lived key: use client-id, tenant-id and subscription-id of an app with a federated credential, and id-token: write',
      ],
      [
        19,
        'job deploy, step 3 (google-github-actions/auth) logs in with credentials_json, a long-lived key: use workload_identity_provider (and service_account if you impersonate one), and id-token: write',
      ],
    ]);
  });

  it('fails an OIDC login whose job cannot request the token, unless on a self-hosted runner', () => {
    const workflow = (runsOn: string) => `on: push
permissions: { contents: read }
jobs:
  deploy:
    runs-on: ${runsOn}
    steps:
      - uses: aws-actions/configure-aws-credentials@v6
        with: { role-to-assume: arn:aws:iam::111122223333:role/deploy, aws-region: eu-west-1 }
`;
    const hosted = run(workflow('ubuntu-24.04'));
    expect(hosted.status).toBe('fail');
    expect(hosted.findings[0].message).toContain(
      'cannot request the token: add permissions id-token: write',
    );
    expect(run(workflow('[self-hosted, linux]')).status).toBe('pass');
  });

  it('does not apply to a workflow that logs in to no cloud', () => {
    expect(
      run(
        'on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: make test\n',
      ).status,
    ).toBe('not-applicable');
  });
});
