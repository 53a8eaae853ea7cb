import { SearchIndex } from './SearchIndex';
import { stem } from '../../searchText';
import { parseArticle } from '../../parseArticle';
import { articleFixture } from '@paved-road/plugin-guidance-node/testUtils';

describe('stem', () => {
  it.each([
    ['pools', 'pool'],
    ['pooling', 'pool'],
    ['pooled', 'pool'],
    ['paged', 'page'],
    ['pages', 'page'],
    ['paging', 'page'],
    ['running', 'run'],
    ['policies', 'polici'],
    ['policy', 'polici'],
    ['agreed', 'agree'],
    ['kubernetes', 'kubernete'],
    ['status', 'status'],
    ['k8s', 'k8s'],
    ['dns', 'dns'],
  ])('%s becomes %s', (word, stemmed) => {
    expect(stem(word)).toBe(stemmed);
  });
});

describe('SearchIndex', () => {
  const pooling = parseArticle({
    origin: 'test',
    fallbackId: 'pooling',
    content: articleFixture({
      title: 'Connection pooling',
      tags: ['postgres'],
      body: [
        'Pools keep server connections few.',
        '',
        '## Sizing',
        '',
        'Multiply the pod count by the pool size per pod.',
        '',
        '### Worked example',
        '',
        'Two replicas of twenty connections each need forty on the server.',
        '',
        '## Troubleshooting',
        '',
        'Clients fail with query_wait_timeout when slow queries hold every server connection.',
        '',
        '| symptom | fix |',
        '| --- | --- |',
        '| waiting clients | shorter transactions |',
      ].join('\n'),
    }),
  });
  const dns = parseArticle({
    origin: 'test',
    fallbackId: 'dns',
    content: articleFixture({
      title: 'DNS',
      tags: ['networking'],
      body: 'Names resolve.\n\n## Caching\n\nA negative answer is cached for the SOA minimum; timeouts wait five seconds.\n',
    }),
  });
  const index = SearchIndex.build([pooling, dns]);

  it('deep-links to the section that answers, with a snippet from it', () => {
    const [top] = index.search('clients fail with query_wait_timeout', 5);
    expect(top).toMatchObject({
      id: 'pooling',
      section: { id: 'troubleshooting', text: 'Troubleshooting' },
    });
    expect(top.snippet).toContain('query_wait_timeout');
    expect(top.snippet).not.toMatch(/\||---/);
  });

  it('uses the heading above a section as its context', () => {
    // "sizing" is only in the H2; the H3 under it holds the numbers.
    const [top] = index.search('sizing forty replicas', 5);
    expect(top.section?.id).toBe('worked-example');
  });

  it('completes the word being typed and forgives a typo', () => {
    expect(index.search('query_wait_time', 5)[0].section?.id).toBe(
      'troubleshooting',
    );
    expect(index.search('negativ', 5)[0].id).toBe('dns');
    expect(index.search('replcas', 5)[0].id).toBe('pooling');
  });

  it('corrects typos in the first few unknown words of a query, not in every token of a pasted line', () => {
    // Three unknown words, then the typo: still corrected.
    expect(index.search('zorg blorf quux replcas', 5)[0]?.id).toBe('pooling');
    // A fifth unknown word is taken as written: past a few, a query is pasted text, not typing.
    expect(index.search('zorg blorf quux snarf replcas', 5)).toEqual([]);
    // A word with a digit is a name, a hash or a version, never a typo, and does not count.
    expect(
      index.search('7d9f x2kqp 8gi zorg blorf quux replcas', 5)[0]?.id,
    ).toBe('pooling');
    expect(index.search('replica5', 5)).toEqual([]);
  });

  it('scores the rarest words of a very long query, wherever they stand in it', () => {
    // Thirty words both articles share (the first has them twice, so it wins on them alone),
    // then one only the second has: a pasted line whose telling word comes last.
    const shared = Array.from(
      { length: 30 },
      (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`,
    ).join(' ');
    const make = (id: string, text: string) =>
      parseArticle({
        origin: 'test',
        fallbackId: id,
        content: articleFixture({ title: id, body: `## Notes\n\n${text}\n` }),
      });
    const long = SearchIndex.build([
      make('first', `${shared} ${shared}`),
      make('second', `quorum ${shared}`),
    ]);
    expect(long.search(shared, 5)[0].id).toBe('first');
    expect(long.search(`${shared} quorum`, 5)[0].id).toBe('second');
  });

  it('still completes a last word that is already whole, but weighs its completions less', () => {
    const make = (id: string, title: string, text: string) =>
      parseArticle({
        origin: 'test',
        fallbackId: id,
        content: articleFixture({ title, body: `## ${title}\n\n${text}` }),
      });
    const library = [
      make(
        'monitoring',
        'Monitors',
        'A ServiceMonitor selects pods by label and needs the release label of the chart that installed Prometheus.',
      ),
      make(
        'paths',
        'Adoption',
        'Count the days between a service being scaffolded and its first deploy to production, and how many teams pick the template over a blank repository each quarter, and how often they ask for help in the channel.',
      ),
      // Other articles, so that neither word is common in the library.
      ...[
        'dns resolvers cache answers',
        'pool sizes per pod',
        'vault tokens expire',
        'backups go to buckets',
        'alerts page the rota',
        'kernel queues fill',
        'sagas compensate steps',
        'pipelines retry steps',
      ].map((text, i) => make(`other-${i}`, `Other ${i}`, text)),
    ];
    const services = SearchIndex.build(library);
    // "service" is a word of the library: the question is about services, not ServiceMonitors.
    expect(services.search('service', 5).map(r => r.id)).toEqual([
      'paths',
      'monitoring',
    ]);
    // Typing on reaches the longer word.
    expect(services.search('servicemoni', 5)[0].id).toBe('monitoring');
  });

  it('expands synonyms from configuration and drops configured stop words', () => {
    expect(index.search('pg', 5).map(r => r.id)).toEqual(['pooling']);
    const custom = SearchIndex.build([pooling, dns], {
      synonyms: { resolver: ['dns'], pg: [] },
      stopWords: ['names'],
    });
    expect(custom.search('resolver', 5).map(r => r.id)).toEqual(['dns']);
    expect(custom.search('pg', 5)).toEqual([]);
    expect(custom.search('names', 5)).toEqual([]);
  });

  it('answers nothing for a query of stop words only', () => {
    expect(index.search('how do I', 5)).toEqual([]);
  });
});

describe('SearchIndex for questions of quantity', () => {
  it('prefers the section with the arithmetic for "how many" questions', () => {
    const article = parseArticle({
      origin: 'test',
      fallbackId: 'rotation',
      content: articleFixture({
        title: 'Rotations',
        body: [
          '## Handover',
          '',
          'Each engineer on the rotation hands over notes to the next engineer on the rotation.',
          '',
          '## Team arithmetic',
          '',
          'A rotation of 6 engineers puts each on call 1 week in 6, 17 percent; 8 engineers make it 12 percent.',
        ].join('\n'),
      }),
    });
    const index = SearchIndex.build([article]);
    expect(index.search('engineers rotation', 5)[0].section?.id).toBe(
      'handover',
    );
    expect(
      index.search('how many engineers for a rotation', 5)[0].section?.id,
    ).toBe('team-arithmetic');
  });
});

describe('SearchIndex and code blocks', () => {
  it('counts words in code for less than the same words in prose', () => {
    const article = parseArticle({
      origin: 'test',
      fallbackId: 'probes',
      content: articleFixture({
        title: 'Probes',
        body: [
          '## Manifest',
          '',
          'The full manifest.',
          '',
          '```yaml',
          '# slow start: startup probe',
          'startup: { probe: slow, startup: probe }',
          'probe: { startup: slow }',
          '```',
          '',
          '## Why a startup probe',
          '',
          'A slow process gets a startup probe, so the liveness probe does not restart it while it boots.',
        ].join('\n'),
      }),
    });
    expect(article.sections[0].codeChars).toBeGreaterThan(0);
    expect(article.sections[0].text).toMatch(
      /^The full manifest\.\n# slow start/,
    );
    const index = SearchIndex.build([article]);
    // The manifest says "startup", "probe" and "slow" more often, but only in code.
    expect(index.search('startup', 5)).toHaveLength(1);
    expect(index.search('slow startup probe', 5)[0].section?.id).toBe(
      'why-a-startup-probe',
    );
  });
});

describe('SearchIndex vocabulary bridges', () => {
  const onCall = parseArticle({
    origin: 'test',
    fallbackId: 'on-call',
    content: articleFixture({
      title: 'On-call rotations',
      body: [
        '## Handover',
        '',
        'The outgoing engineer on call writes down open incidents for the next one.',
        '',
        '## Compensation and sustainability',
        '<!-- search: stipend for weekends, burnout -->',
        '',
        'Rotations stay healthy when the organisation recognises the burden with money or time off.',
        '',
        '## Standardize the tooling',
        '',
        'One paging tool and one escalation policy per organization.',
        '',
        '## External Secrets Operator',
        '',
        'ESO copies values from a cloud secret manager into the cluster.',
        '',
        '## What goes wrong',
        '',
        'The rotation export sends pages to the paging tool when it is current.',
        '',
        '## Hourly job',
        '',
        'The rotation export sends pages to the paging tool; the export is hourly.',
      ].join('\n'),
    }),
  });
  const index = SearchIndex.build([onCall]);

  it("finds a section by its author's keywords, which its text never uses", () => {
    const [top] = index.search('is there a stipend', 5);
    expect(top.section?.id).toBe('compensation-and-sustainability');
    // the keywords are searched, never shown
    expect(top.snippet).not.toContain('stipend');
    expect(onCall.sections.find(s => s.keywords)?.text).not.toContain(
      'stipend',
    );
  });

  it('meets British and American spellings', () => {
    expect(index.search('standardise', 5)[0].section?.id).toBe(
      'standardize-the-tooling',
    );
    expect(index.search('organization recognizes', 5)[0].section?.id).toBe(
      'compensation-and-sustainability',
    );
  });

  it('expands synonyms of several words', () => {
    const [top] = index.search('eso', 5);
    expect(top.section?.id).toBe('external-secrets-operator');
    const custom = SearchIndex.build([onCall], {
      synonyms: { 'cloud vault': ['secret', 'manager'] },
    });
    expect(custom.search('cloud vault', 5)[0].section?.id).toBe(
      'external-secrets-operator',
    );
  });

  it('sends a question about a symptom to the section on what goes wrong', () => {
    // Both sections say the same; the job's own section says "export" once more.
    expect(index.search('rotation export sends pages', 5)[0].section?.id).toBe(
      'hourly-job',
    );
    expect(
      index.search('rotation export never sends pages', 5)[0].section?.id,
    ).toBe('what-goes-wrong');
  });

  it('leans further toward troubleshooting when the question reports a failure outright', () => {
    const reports = parseArticle({
      origin: 'test',
      fallbackId: 'reports',
      content: articleFixture({
        title: 'Reports',
        body: [
          '## Nightly upload',
          '',
          'The billing report upload writes to the bucket. Each report upload is nightly and the report upload is small.',
          '',
          '## Common problems',
          '',
          'The billing report upload writes to the bucket while the credentials are current.',
        ].join('\n'),
      }),
    });
    const reportIndex = SearchIndex.build([reports]);
    // The upload's own section says "report upload" more often: a mild symptom stays there,
    // a question that says it fails goes to the problems.
    expect(
      reportIndex.search('billing report upload never arrives', 5)[0].section
        ?.id,
    ).toBe('nightly-upload');
    expect(
      reportIndex.search('billing report upload fails', 5)[0].section?.id,
    ).toBe('common-problems');
  });
});

describe('SearchIndex deep links into subsections', () => {
  it('lands on the H3 under the best H2 when it answers nearly as well', () => {
    const article = parseArticle({
      origin: 'test',
      fallbackId: 'vault',
      content: articleFixture({
        title: 'Vault on Kubernetes',
        body: [
          '## Delivering secrets to pods',
          '',
          'The agent injector adds a sidecar that writes secrets to files in a shared volume. ' +
            'The CSI provider also mounts secrets as files, and needs no sidecar. ' +
            'Both deliver secrets as files.',
          '',
          '### CSI provider',
          '',
          'The CSI provider runs as a daemonset; pods mount secrets through a volume.',
          '',
          '## Audit',
          '',
          'Audit devices record every request.',
        ].join('\n'),
      }),
    });
    const index = SearchIndex.build([article]);
    // The H2 repeats the words more often; the H3 is about exactly this.
    expect(
      index.search('mount secrets with the csi provider', 5)[0].section?.id,
    ).toBe('csi-provider');
    // A question the H2 answers as a whole stays there.
    expect(index.search('secrets as files sidecar', 5)[0].section?.id).toBe(
      'delivering-secrets-to-pods',
    );
  });
});
