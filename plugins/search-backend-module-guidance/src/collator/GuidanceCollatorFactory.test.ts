import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { TestPipeline } from '@backstage/plugin-search-backend-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The collator is tested against the real guidance backend: its parse is the one section model.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import guidancePlugin from '@paved-road/plugin-guidance-backend';
import type { GuidanceService } from '@paved-road/plugin-guidance-node';
import { searchModuleGuidanceCollator } from '../module';
import { GuidanceCollatorFactory, cleanText } from './GuidanceCollatorFactory';

// Setext headings, a "# heading" inside a code fence and two headings with the same text:
// the cases where splitting Markdown a second time used to shift every later link.
const tricky = `---
title: Setting up the resolver
summary: How names resolve.
category: networking
tags: [dns]
updated: 2026-11-01
---
Names resolve through a chain of servers.

Install
=======
<!-- search: apt get resolver, missing resolvectl -->

Install the resolver package.

Configure
---------

\`\`\`bash
# not a heading: a comment inside code
dig +trace example.com | head
\`\`\`

### Example

| record | ttl |
| ------ | --- |
| A      | 300 |

## Example

> [!TIP]
> Use +short.
`;

function library(files: Record<string, string> = { 'resolver.md': tricky }) {
  const dir = mkdtempSync(join(tmpdir(), 'guidance-collator-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** The documents the collator yields over the real guidance backend serving `dir`. */
async function collate(dir: string) {
  const addCollator = jest.fn();
  await startTestBackend({
    extensionPoints: [
      [
        searchIndexRegistryExtensionPoint,
        { addCollator, addDecorator: jest.fn() },
      ],
    ],
    features: [
      guidancePlugin,
      searchModuleGuidanceCollator,
      catalogServiceMock.factory(),
      mockServices.rootConfig.factory({
        data: {
          guidance: {
            builtin: false,
            sources: [{ type: 'directory', path: dir }],
          },
        },
      }),
    ],
  });
  const factory: GuidanceCollatorFactory = addCollator.mock.calls[0][0].factory;
  return TestPipeline.fromCollator(await factory.getCollator()).execute();
}

const today = new Date().toISOString().slice(0, 10);
const articleFile = (title: string, extra: string) => `---
title: ${title}
summary: A short summary.
category: kubernetes
tags: [kubernetes]
updated: ${today}
${extra}
---
Opening text.

## Upgrading

Upgrade one minor version at a time.
`;

describe('GuidanceCollatorFactory', () => {
  it('yields one document per section of the backend parse, each opening its own heading', async () => {
    const addCollator = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [
          searchIndexRegistryExtensionPoint,
          { addCollator, addDecorator: jest.fn() },
        ],
      ],
      features: [
        guidancePlugin,
        searchModuleGuidanceCollator,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            guidance: {
              builtin: false,
              sources: [{ type: 'directory', path: library() }],
            },
            search: {
              collators: {
                guidance: { locationTemplate: '/docs/guidance/:id' },
              },
            },
          },
        }),
      ],
    });
    const factory: GuidanceCollatorFactory =
      addCollator.mock.calls[0][0].factory;
    const { documents, error } = await TestPipeline.fromCollator(
      await factory.getCollator(),
    ).execute();
    expect(error).toBeUndefined();

    expect(
      documents.map(d => [d.location, (d as any).section ?? null]),
    ).toEqual([
      ['/docs/guidance/resolver', null],
      ['/docs/guidance/resolver#install', 'Install'],
      ['/docs/guidance/resolver#configure', 'Configure'],
      ['/docs/guidance/resolver#example', 'Example'],
      ['/docs/guidance/resolver#example-1', 'Example'],
    ]);
    // Each document's text is the text under its own heading.
    expect(documents[1].text).toBe('Install the resolver package.');
    expect(documents[2].text).toBe(
      'not a heading: a comment inside code dig +trace example.com head',
    );
    expect(documents[3]).toMatchObject({
      title: 'Setting up the resolver › Example',
      text: 'record ttl A 300',
      parentSection: 'Configure',
      articleId: 'resolver',
      category: 'networking',
      tags: ['dns'],
    });
    expect(documents[4].text).toBe('Use +short.');
    // The author's keywords travel as their own field (every document has it, for Lunr's schema).
    expect(documents.map(d => (d as any).keywords)).toEqual([
      '',
      'apt get resolver, missing resolvectl',
      '',
      '',
      '',
    ]);
  });

  it("gives every section its article's stale reasons, and fresh articles none", async () => {
    const { documents, error } = await collate(
      library({
        'old-cluster.md': articleFile(
          'Old cluster',
          `reviewed: ${today}\nverifiedAgainst:\n  kubernetes: "1.25"`,
        ),
        'current.md': articleFile('Current', `reviewed: ${today}`),
        'unreviewed.md': articleFile('Unreviewed', ''),
      }),
    );
    expect(error).toBeUndefined();
    const reasons = Object.fromEntries(
      documents.map(d => [d.location, (d as any).staleReasons]),
    );
    expect(reasons).toEqual({
      '/guidance/current': [],
      '/guidance/current#upgrading': [],
      '/guidance/old-cluster': [
        'Kubernetes 1.25: end of life since 2023-10-27',
      ],
      '/guidance/old-cluster#upgrading': [
        'Kubernetes 1.25: end of life since 2023-10-27',
      ],
      '/guidance/unreviewed': ['no review date'],
      '/guidance/unreviewed#upgrading': ['no review date'],
    });
  });

  it('reads articles with bounded parallelism and keeps their order', async () => {
    let inFlight = 0;
    let most = 0;
    const ids = Array.from({ length: 12 }, (_, i) => `a${i}`);
    const guidance = {
      listArticles: async () => ({
        items: ids.map(id => ({
          id,
          title: id,
          summary: 's',
          category: 'sre',
          tags: [],
          updated: '2026-11-01',
          readingTimeMinutes: 1,
        })),
      }),
      getArticleSections: async (id: string) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise(r => setTimeout(r, 5 + (id.length % 3)));
        inFlight--;
        return { items: [{ level: 0, text: `text of ${id}` }] };
      },
    } as unknown as GuidanceService;
    const factory = new GuidanceCollatorFactory({
      guidance,
      logger: mockServices.logger.mock(),
      parallelism: 3,
    });
    const { documents } = await TestPipeline.fromCollator(
      await factory.getCollator(),
    ).execute();
    expect(documents.map(d => d.location)).toEqual(
      ids.map(id => `/guidance/${id}`),
    );
    expect(most).toBe(3);
  });

  it('fails the collation with the backend error rather than indexing nothing silently', async () => {
    const guidance = {
      listArticles: async () => {
        throw new Error('guidance GET /articles failed: 500 boom');
      },
    } as unknown as GuidanceService;
    const factory = new GuidanceCollatorFactory({
      guidance,
      logger: mockServices.logger.mock(),
    });
    const result = await TestPipeline.fromCollator(
      await factory.getCollator(),
    ).execute();
    expect(result.documents).toEqual([]);
    expect(String(result.error)).toMatch(/500 boom/);
  });

  it('refuses a location template without :id and a parallelism below 1', () => {
    const base = {
      guidance: {} as GuidanceService,
      logger: mockServices.logger.mock(),
    };
    expect(
      () => new GuidanceCollatorFactory({ ...base, locationTemplate: '/x' }),
    ).toThrow(/must contain :id/);
    expect(
      () => new GuidanceCollatorFactory({ ...base, parallelism: 0 }),
    ).toThrow(/at least 1/);
  });

  it('cleans text: table rules and pipes go, code words stay', () => {
    expect(cleanText('a | b\n--- | ---\n`kubectl get pods -A` { x }')).toBe(
      'a b `kubectl get pods -A` x',
    );
  });
});
