import MiniSearch from 'minisearch';
import { SearchResult } from '@paved-road/plugin-guidance-common';
import type { ParsedArticle } from './parseArticle';

/** One indexed document: a section of an article, carrying the article's title and tags. */
type SectionDocument = {
  key: string;
  articleId: string;
  sectionId?: string;
  heading?: string;
  title: string;
  summary: string;
  tags: string;
  text: string;
};

// Words that say nothing about the topic; dropping them keeps OR-queries from matching everything.
const STOP_WORDS = new Set(
  'a an and are as at be by can do does for from how i in is it my of on or should the to use vs what when which why with you your'.split(
    ' ',
  ),
);

// Abbreviations and alternative names people type; each expands to the words the articles use.
const SYNONYMS: Record<string, string[]> = {
  k8s: ['kubernetes'],
  kube: ['kubernetes'],
  pg: ['postgres', 'postgresql'],
  postgresql: ['postgres'],
  postgres: ['postgresql'],
  psql: ['postgres'],
  argo: ['argocd'],
  argocd: ['argo'],
  gha: ['github', 'actions'],
  cicd: ['ci', 'cd', 'pipeline'],
  ci: ['pipeline'],
  oidc: ['openid'],
  sso: ['oidc', 'oauth2'],
  jwt: ['token'],
  db: ['database'],
  dbs: ['database'],
  prom: ['prometheus'],
  alerting: ['alert', 'alertmanager'],
  oncall: ['on-call', 'pager'],
  pager: ['on-call', 'pagerduty'],
  pagerduty: ['on-call'],
  secrets: ['secret', 'vault'],
  creds: ['credentials', 'secret'],
  password: ['secret', 'credentials'],
  backup: ['velero', 'snapshot'],
  restore: ['backup', 'velero'],
  dns: ['resolver'],
  nslookup: ['dig', 'dns'],
  sysctl: ['kernel'],
  swap: ['swappiness'],
  pooler: ['pgbouncer', 'pooling'],
  connections: ['pooling', 'pgbouncer'],
  microservices: ['saga', 'services'],
  '2pc': ['two-phase', 'commit'],
  cnpg: ['cloudnativepg'],
  paged: ['page', 'pager', 'on-call'],
  toil: ['automation'],
  scaffolder: ['template', 'golden'],
  template: ['golden', 'scaffolder'],
  minikube: ['local'],
};

const VOWEL = /[aeiou]/;
const isConsonant = (w: string, i: number): boolean =>
  !VOWEL.test(w[i]) && !(w[i] === 'y' && i > 0 && isConsonant(w, i - 1));
/** Porter's measure: the number of vowel-consonant sequences in a stem. */
function measure(w: string): number {
  let m = 0;
  let prevVowel = false;
  for (let i = 0; i < w.length; i++) {
    const vowel = !isConsonant(w, i);
    if (!vowel && prevVowel) m++;
    prevVowel = vowel;
  }
  return m;
}
const endsCvc = (w: string) =>
  w.length >= 3 &&
  isConsonant(w, w.length - 3) &&
  !isConsonant(w, w.length - 2) &&
  isConsonant(w, w.length - 1) &&
  !/[wxy]$/.test(w);

/**
 * English plural and verb endings removed (the first step of Porter's stemmer), so
 * "pools", "pooling" and "pooled" meet, and so do "paged" and "pages". Applied to the
 * index and to queries alike.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = `${w.slice(0, -3)}i`;
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);

  const suffix = /(eed|ed|ing)$/.exec(w)?.[1];
  if (suffix === 'eed') {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else if (suffix && VOWEL.test(w.slice(0, -suffix.length))) {
    w = w.slice(0, -suffix.length);
    if (/(at|bl|iz)$/.test(w)) w += 'e';
    else if (/([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1);
    else if (measure(w) === 1 && endsCvc(w)) w += 'e';
  }
  if (w.endsWith('y') && VOWEL.test(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;
  return w;
}

function normalise(term: string): string | null {
  const t = term.toLowerCase().replace(/['’]s$/, '');
  if (!t || STOP_WORDS.has(t)) return null;
  return stem(t);
}

/** Edits allowed for a query term: none for short words, one for four letters, a fifth of longer ones. */
function typoTolerance(term: string): number | false {
  if (term.length >= 5) return 0.2;
  return term.length === 4 ? 1 : false;
}

const FIELD_BOOSTS = { title: 6, heading: 3, tags: 3, summary: 2, text: 1 };
const SNIPPET_LENGTH = 200;

/** Full-text index over article sections, with prefix, typo tolerance, synonyms and stemming. */
export class SearchIndex {
  private constructor(
    private readonly index: MiniSearch<SectionDocument>,
    private readonly documents: Map<string, SectionDocument>,
    private readonly articles: Map<string, ParsedArticle>,
  ) {}

  static build(articles: Iterable<ParsedArticle>): SearchIndex {
    const index = new MiniSearch<SectionDocument>({
      idField: 'key',
      fields: ['title', 'heading', 'tags', 'summary', 'text'],
      processTerm: normalise,
    });
    const documents = new Map<string, SectionDocument>();
    const byId = new Map<string, ParsedArticle>();
    for (const article of articles) {
      const { id, title, summary, tags } = article.summary;
      byId.set(id, article);
      article.sections.forEach((section, n) => {
        const doc: SectionDocument = {
          key: `${id}#${n}`,
          articleId: id,
          sectionId: section.id,
          heading: section.heading,
          title,
          summary: n === 0 ? summary : '',
          tags: tags.join(' '),
          text: section.text,
        };
        documents.set(doc.key, doc);
      });
    }
    index.addAll([...documents.values()]);
    return new SearchIndex(index, documents, byId);
  }

  search(query: string, limit: number): SearchResult[] {
    const words = MiniSearch.getDefault('tokenize')(query) as string[];
    const terms = new Set<string>();
    for (const w of words) {
      const lower = w.toLowerCase();
      if (!lower || STOP_WORDS.has(lower)) continue;
      terms.add(lower);
      for (const s of SYNONYMS[lower] ?? []) terms.add(s);
    }
    if (terms.size === 0) return [];
    const hits = this.index.search([...terms].join(' '), {
      boost: FIELD_BOOSTS,
      combineWith: 'OR',
      prefix: (term: string) => term.length >= 3,
      fuzzy: typoTolerance,
      // Typed words weigh more than the synonyms added for them.
      boostTerm: (term: string) =>
        words.some(w => normalise(w) === term) ? 1 : 0.6,
    });

    // One result per article: its best section, plus a little for every other section that matched.
    const best = new Map<
      string,
      { score: number; key: string; terms: string[]; extra: number }
    >();
    for (const hit of hits) {
      const doc = this.documents.get(hit.id as string)!;
      const current = best.get(doc.articleId);
      if (!current) {
        best.set(doc.articleId, {
          score: hit.score,
          key: doc.key,
          terms: hit.terms,
          extra: 0,
        });
      } else {
        current.extra += hit.score;
      }
    }
    return [...best.entries()]
      .map(([articleId, b]) => {
        const article = this.articles.get(articleId)!;
        const doc = this.documents.get(b.key)!;
        const score = b.score + 0.1 * b.extra;
        return {
          id: articleId,
          title: article.summary.title,
          summary: article.summary.summary,
          category: article.summary.category,
          score: Math.round(score * 1000) / 1000,
          ...(doc.sectionId
            ? { section: { id: doc.sectionId, text: doc.heading! } }
            : {}),
          snippet: snippet(doc.text || article.summary.summary, [
            ...words,
            ...b.terms,
          ]),
        };
      })
      .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title))
      .slice(0, limit);
  }
}

/** About SNIPPET_LENGTH characters of `text` around the first word that matched. */
export function snippet(text: string, words: string[]): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  let at = -1;
  for (const w of words) {
    const stemmed = stem(w.toLowerCase());
    if (stemmed.length < 2) continue;
    const i = lower.search(
      new RegExp(`\\b${stemmed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (flat.length <= SNIPPET_LENGTH) return flat;
  let start = Math.max(0, at - 60);
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  const end = Math.min(flat.length, start + SNIPPET_LENGTH);
  const cut = flat.slice(start, end);
  const trimmed =
    end < flat.length
      ? cut.slice(
          0,
          cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length,
        )
      : cut;
  return `${start > 0 ? '… ' : ''}${trimmed}${end < flat.length ? ' …' : ''}`;
}
