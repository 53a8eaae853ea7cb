import { GeneratedRepository } from '../__testUtils__/generatedRepository';
import {
  KubeObject,
  replicasUnderHpa,
  resolvingBuilds,
  sharedObjects,
  unpushedImages,
  unsupportedVersions,
} from '../__testUtils__/seams';
import { isSupported } from '../__testUtils__/lifecycleVersions';

// Each seam check with an example it rejects (what the December 2026 review found) and the fixed
// form it accepts, so a check that stopped finding anything would fail here.

function repo(files: Record<string, string>): GeneratedRepository {
  return new GeneratedRepository(
    Object.entries(files).map(([path, content]) => ({
      path,
      base64Content: Buffer.from(content).toString('base64'),
    })),
  );
}

const deployment = (image: string, replicas?: number): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'orders-api', namespace: 'services' },
  spec: {
    ...(replicas === undefined ? {} : { replicas }),
    template: { spec: { containers: [{ name: 'app', image }] } },
  },
});

const hpa: KubeObject = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'orders-api', namespace: 'services' },
  spec: {
    scaleTargetRef: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'orders-api',
    },
  },
};

const workflow = (deployJob: string) => `
env:
  IMAGE: ghcr.io/acme/orders-api
jobs:
  test:
    steps: [{ run: go test ./... }]
  image:
    needs: [test]
    steps:
      - uses: docker/build-push-action@v7
        with:
          push: \${{ github.event_name == 'push' }}
          tags: \${{ env.IMAGE }}:\${{ github.sha }}
${deployJob}`;

const promoteAfterImage = `  deploy:
    needs: [image]
    steps:
      - run: sh deploy/promote.sh "\${{ github.sha }}"
`;

const overlay = (marker: string) => `resources: [../../base]
images:
  - name: ghcr.io/acme/orders-api
    newTag: "unreleased"${marker}
`;

const scripts = {
  'deploy/promote.sh': '#!/bin/sh\n',
  'deploy/set-image-tag.sh': '#!/bin/sh\n',
};

describe('(a) unpushedImages', () => {
  const built = {
    'deploy/overlays/dev': [deployment('ghcr.io/acme/orders-api:unreleased')],
  };

  it('accepts an image CI pushes and then writes into the overlay', () => {
    const good = repo({
      '.github/workflows/ci.yaml': workflow(promoteAfterImage),
      'deploy/overlays/dev/kustomization.yaml': overlay(' # set-image-tag'),
      ...scripts,
    });
    expect(unpushedImages(good, built)).toEqual([]);
  });

  it('rejects a pinned tag nobody pushes (overlays on 0.1.0, CI pushing only the commit SHA)', () => {
    const review = repo({
      '.github/workflows/ci.yaml': workflow(''),
      'deploy/overlays/dev/kustomization.yaml': overlay(''),
    });
    expect(
      unpushedImages(review, {
        'deploy/overlays/dev': [deployment('ghcr.io/acme/orders-api:0.1.0')],
      }),
    ).toEqual([
      'deploy/overlays/dev: Deployment orders-api runs ghcr.io/acme/orders-api:0.1.0: CI pushes ghcr.io/acme/orders-api:${{ github.sha }} but no job writes that tag into the overlay after the push',
    ]);
  });

  it('rejects a deploy job that may run before the image is pushed', () => {
    const racing = repo({
      '.github/workflows/ci.yaml': workflow(
        promoteAfterImage.replace('[image]', '[test]'),
      ),
      'deploy/overlays/dev/kustomization.yaml': overlay(' # set-image-tag'),
      ...scripts,
    });
    expect(unpushedImages(racing, built)).toEqual([
      expect.stringMatching(
        /no job writes that tag into the overlay after the push$/,
      ),
    ]);
  });

  it('rejects an image no CI job pushes, unless it is an existing image the user named', () => {
    const other = {
      'deploy/overlays/dev': [deployment('ghcr.io/acme/billing:1.4.2')],
    };
    const repository = repo({
      '.github/workflows/ci.yaml': workflow(promoteAfterImage),
    });
    expect(unpushedImages(repository, other)).toEqual([
      'deploy/overlays/dev: Deployment orders-api runs ghcr.io/acme/billing:1.4.2, which no CI job pushes',
    ]);
    expect(
      unpushedImages(repository, other, {
        existingImages: ['ghcr.io/acme/billing:1.4.2'],
      }),
    ).toEqual([]);
  });

  it('rejects an overlay whose tag line CI cannot find', () => {
    const unmarked = repo({
      '.github/workflows/ci.yaml': workflow(promoteAfterImage),
      'deploy/overlays/dev/kustomization.yaml': overlay(''),
      ...scripts,
    });
    expect(unpushedImages(unmarked, built)).toEqual([
      expect.stringMatching(/has no newTag line marked "# set-image-tag"/),
    ]);
  });

  it('reads the push and the deploy order of CircleCI, Buildkite and Tekton too', () => {
    const circleci = repo({
      '.circleci/config.yml': `
jobs:
  image: { steps: [{ run: { command: 'docker push ghcr.io/acme/orders-api:\${CIRCLE_SHA1}' } }] }
  deploy: { steps: [{ run: { command: 'sh deploy/promote.sh "\${CIRCLE_SHA1}"' } }] }
workflows:
  build:
    jobs: [image, { deploy: { requires: [REQUIRES] } }]
`,
      'deploy/overlays/dev/kustomization.yaml': overlay(' # set-image-tag'),
      ...scripts,
    });
    expect(unpushedImages(circleci, built)).toEqual([
      expect.stringMatching(/no job writes that tag/),
    ]);
    const fixed = repo({
      ...Object.fromEntries(circleci.files),
      '.circleci/config.yml': circleci
        .read('.circleci/config.yml')
        .replace('REQUIRES', 'image'),
    });
    expect(unpushedImages(fixed, built)).toEqual([]);

    const buildkite = (deploy: string) =>
      repo({
        '.buildkite/pipeline.yml': `
env: { IMAGE: ghcr.io/acme/orders-api }
steps:
  - { key: image, command: ['docker push "$$IMAGE:$$BUILDKITE_COMMIT"'] }
${deploy}
  - { key: deploy, command: ['sh deploy/promote.sh "$$BUILDKITE_COMMIT"'] }
`,
        'deploy/overlays/dev/kustomization.yaml': overlay(' # set-image-tag'),
        ...scripts,
      });
    expect(unpushedImages(buildkite(''), built)).toHaveLength(1);
    expect(unpushedImages(buildkite('  - wait'), built)).toEqual([]);

    const tekton = (runAfter: string) =>
      repo({
        '.tekton/pipeline.yaml': `
spec:
  params: [{ name: image, default: ghcr.io/acme/orders-api }]
  tasks:
    - name: image
      taskSpec: { steps: [{ args: ['--destination=$(params.image):$(params.revision)'] }] }
    - name: deploy
      runAfter: [${runAfter}]
      taskSpec: { steps: [{ script: 'sh deploy/promote.sh "$(params.revision)"' }] }
`,
        'deploy/overlays/dev/kustomization.yaml': overlay(' # set-image-tag'),
        ...scripts,
      });
    expect(unpushedImages(tekton('fetch'), built)).toHaveLength(1);
    expect(unpushedImages(tekton('image'), built)).toEqual([]);

    // A script that reads the revision from its env (tekton-script-params) promotes the same
    // tag; a variable set to something else does not.
    const throughEnv = (value: string) =>
      repo({
        '.tekton/pipeline.yaml': tekton('image')
          .read('.tekton/pipeline.yaml')
          .replace(
            `{ script: 'sh deploy/promote.sh "$(params.revision)"' }`,
            `{ env: [{ name: REVISION, value: '${value}' }], script: 'sh deploy/promote.sh "$REVISION"' }`,
          ),
        'deploy/overlays/dev/kustomization.yaml': overlay(' # set-image-tag'),
        ...scripts,
      });
    expect(unpushedImages(throughEnv('$(params.revision)'), built)).toEqual([]);
    expect(unpushedImages(throughEnv('$(params.other)'), built)).toHaveLength(
      1,
    );
  });
});

describe('(b) sharedObjects', () => {
  const namespace = (name: string): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name },
  });

  it('rejects two services that both declare the shared namespace', () => {
    expect(
      sharedObjects(
        [namespace('services'), deployment('a:1')],
        [
          namespace('services'),
          {
            ...deployment('b:1'),
            metadata: { name: 'cart-api', namespace: 'services' },
          },
        ],
      ),
    ).toEqual(['both repositories declare /Namespace -/services']);
  });

  it('accepts two services that only deploy into it', () => {
    expect(
      sharedObjects(
        [deployment('a:1')],
        [
          {
            ...deployment('b:1'),
            metadata: { name: 'cart-api', namespace: 'services' },
          },
        ],
      ),
    ).toEqual([]);
  });
});

describe('(c) replicasUnderHpa', () => {
  it('rejects a Deployment that sets replicas while an HPA scales it', () => {
    expect(replicasUnderHpa([deployment('a:1', 3), hpa])).toEqual([
      'Deployment orders-api sets replicas: 3, but HorizontalPodAutoscaler orders-api owns the count',
    ]);
  });

  it('accepts replicas on a workload no HPA scales, and an HPA-scaled one without them', () => {
    expect(replicasUnderHpa([deployment('a:1', 3)])).toEqual([]);
    expect(replicasUnderHpa([deployment('a:1'), hpa])).toEqual([]);
  });
});

describe('(d) resolvingBuilds', () => {
  const goMod =
    'module orders-api\n\ngo 1.26.0\n\nrequire github.com/prometheus/client_golang v1.24.1\n';
  const goSum =
    'github.com/prometheus/client_golang v1.24.1 h1:JnJkREXzWxUdCuPFpIWZiPispT9xVV59uiuyR2bPlnU=\n' +
    'github.com/prometheus/client_golang v1.24.1/go.mod h1:F+oSRECHg4sse5ucfYpYDeIv/hu68Zo0uoHKetWnzcE=\n';

  it('rejects go mod tidy, an optional go.sum and a build that may resolve modules (the review)', () => {
    expect(
      resolvingBuilds(
        repo({
          'go.mod': goMod,
          Dockerfile:
            'COPY go.mod go.sum* ./\nRUN go mod tidy && go build -o /out/server .\n',
        }),
      ),
    ).toEqual([
      'Dockerfile runs go mod tidy (re-resolves modules; its go.sum is never committed)',
      'Dockerfile copies the lockfile only if present (builds without it)',
      'go.mod has no go.sum beside it',
      'Dockerfile runs "RUN go mod tidy && go build -o /out/server ." without -mod=readonly',
    ]);
  });

  it('rejects a go.sum without the hashes of a required module', () => {
    expect(
      resolvingBuilds(
        repo({ 'go.mod': goMod, 'go.sum': goSum.split('\n')[0] }),
      ),
    ).toEqual([
      'go.sum has no "github.com/prometheus/client_golang v1.24.1/go.mod h1:" line',
    ]);
  });

  it('accepts a committed go.sum and readonly builds', () => {
    expect(
      resolvingBuilds(
        repo({
          'go.mod': goMod,
          'go.sum': goSum,
          Dockerfile:
            'COPY go.mod go.sum ./\nRUN go build -mod=readonly -o /out/server .\n',
          '.circleci/config.yml':
            'environment:\n  GOFLAGS: -mod=readonly\nrun: go test ./...\n',
        }),
      ),
    ).toEqual([]);
  });

  it('rejects npm install, an npm ci fallback and a lockfile that disagrees with package.json', () => {
    const pkg = { dependencies: { 'prom-client': '^15.1.3' } };
    expect(
      resolvingBuilds(
        repo({
          'package.json': JSON.stringify(pkg),
          'package-lock.json': JSON.stringify({
            packages: { '': { dependencies: { 'prom-client': '^14.0.0' } } },
          }),
          Dockerfile: 'RUN npm ci || npm install --no-audit\n',
        }),
      ),
    ).toEqual([
      'Dockerfile runs npm install (resolves packages instead of installing the lockfile)',
      'Dockerfile falls back from npm ci (lockfile drift is silently tolerated)',
      'package-lock.json does not match package.json dependencies (npm ci fails)',
    ]);
    expect(
      resolvingBuilds(
        repo({
          'package.json': JSON.stringify(pkg),
          'package-lock.json': JSON.stringify({ packages: { '': pkg } }),
          Dockerfile: 'RUN npm ci --no-audit\n',
        }),
      ),
    ).toEqual([]);
  });
});

describe('(e) unsupportedVersions', () => {
  const TODAY = '2026-12-06';

  it('rejects what the review found past its end of life', () => {
    expect(
      unsupportedVersions(
        repo({
          Dockerfile:
            'FROM golang:1.25.5-alpine AS build\nFROM gcr.io/distroless/static-debian12:nonroot\n',
          'node/Dockerfile':
            'FROM node:20-alpine\nFROM gcr.io/distroless/nodejs20-debian12:nonroot\n',
          'go.mod': 'module x\n\ngo 1.22\n',
          '.github/workflows/ci.yaml':
            'steps:\n  - uses: actions/checkout@v4\n',
          'cluster.yaml': 'imageName: ghcr.io/cloudnative-pg/postgresql:16.4\n',
          'README.md':
            'kubectl apply -f https://raw.githubusercontent.com/argoproj/argo-cd/v2.12.4/manifests/install.yaml\n' +
            'helm install kube-prometheus-stack --version 65.1.1\n',
        }),
        TODAY,
      ),
    ).toEqual([
      expect.stringMatching(
        /^\.github\/workflows\/ci\.yaml: actions\/checkout@v4 is not a supported major \(v7\)$/,
      ),
      expect.stringMatching(
        /^Dockerfile: Go 1\.25: end of life since 2026-08-19, named as 1\.25 \(endoflife\.date\/go/,
      ),
      expect.stringMatching(
        /^Dockerfile: distroless debian12: end of life since 2026-09-01, named as debian12 \(github\.com\/GoogleContainerTools\/distroless SUPPORT_POLICY\.md/,
      ),
      expect.stringMatching(
        /^README\.md: Argo CD 2\.12: end of life since 2025-05-06, named as 2\.12\.4/,
      ),
      expect.stringMatching(
        /^README\.md: kube-prometheus-stack 65\.1\.1 is older than every cycle the lifecycle table knows/,
      ),
      expect.stringMatching(
        /^cluster\.yaml: PostgreSQL 16\.4 is an old release of 16; 16\.15 is the newest/,
      ),
      expect.stringMatching(
        /^go\.mod: Go 1\.22: end of life since 2025-02-11, named as 1\.22/,
      ),
      expect.stringMatching(
        /^node\/Dockerfile: Node\.js 20: end of life since 2026-04-30, named as 20/,
      ),
      expect.stringMatching(
        /^node\/Dockerfile: distroless debian12: end of life since 2026-09-01/,
      ),
    ]);
  });

  it('reads the major of an action pinned to a commit from its release comment', () => {
    const pinned = (uses: string) =>
      unsupportedVersions(
        repo({ '.github/workflows/ci.yaml': `steps:\n  - uses: ${uses}\n` }),
        TODAY,
      );
    const sha = 'a'.repeat(40);
    expect(
      pinned(`github/codeql-action/upload-sarif@${sha} # v3.29.0`),
    ).toEqual([
      '.github/workflows/ci.yaml: github/codeql-action@v3 is not a supported major (v4)',
    ]);
    expect(
      pinned(`github/codeql-action/upload-sarif@${sha} # v4.36.2`),
    ).toEqual([]);
    expect(pinned(`actions/checkout@${sha} # v7.0.1`)).toEqual([]);
  });

  it('rejects a kubectl image built for a Kubernetes past its end of life', () => {
    expect(
      unsupportedVersions(
        repo({ '.buildkite/pipeline.yml': 'image: alpine/k8s:1.30.2\n' }),
        TODAY,
      ),
    ).toEqual([
      expect.stringMatching(
        /^\.buildkite\/pipeline\.yml: Kubernetes 1\.30: end of life since 2025-07-15, named as 1\.30/,
      ),
    ]);
    expect(
      unsupportedVersions(
        repo({ '.buildkite/pipeline.yml': 'image: alpine/k8s:1.35.8\n' }),
        TODAY,
      ),
    ).toEqual([]);
  });

  it('accepts supported lines and patches', () => {
    expect(
      unsupportedVersions(
        repo({
          Dockerfile:
            'FROM golang:1.27-trixie AS build\nFROM gcr.io/distroless/static-debian13:nonroot\n',
          'go.mod': 'module x\n\ngo 1.26.0\n',
          'cluster.yaml':
            'imageName: ghcr.io/cloudnative-pg/postgresql:16.15\n',
          'ci.yaml': 'node-version: [22, 24]\n',
        }),
        TODAY,
      ),
    ).toEqual([]);
  });

  it('moves with the date: a line still supported today fails once its end of life has passed', () => {
    expect(isSupported('node', '22', TODAY)).toBeUndefined();
    expect(isSupported('node', '22', '2027-05-01')).toMatch(
      /^Node\.js 22: end of life since 2027-04-30, named as 22 \(endoflife\.date\/nodejs/,
    );
    expect(isSupported('node', '23', TODAY)).toMatch(
      /^Node\.js 23 is not a release cycle the lifecycle table knows \(table of 2026-12-06;/,
    );
    expect(isSupported('go', '1.12', TODAY)).toMatch(
      /^Go 1\.12 is older than every cycle the lifecycle table knows/,
    );
    expect(isSupported('python', '3.13', TODAY)).toBe(
      'no lifecycle data for python',
    );
  });

  it('reads the shared lifecycle table: a row added there changes the verdict', () => {
    const table = {
      asOf: '2027-03-01',
      sources: { go: 'test' },
      cycles: [{ product: 'go', cycle: '1.28', eol: false as const }],
    };
    expect(isSupported('go', '1.28', TODAY)).toMatch(/not a release cycle/);
    expect(isSupported('go', '1.28', TODAY, table)).toBeUndefined();
  });
});
