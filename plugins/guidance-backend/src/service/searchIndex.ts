import MiniSearch from 'minisearch';
import { SearchResult } from '@paved-road/plugin-guidance-common';
import type { ParsedArticle } from './parseArticle';

/** One indexed document per article; sections are ranked afterwards, for the top results only. */
type ArticleDocument = {
  id: string;
  title: string;
  headings: string;
  tags: string;
  summary: string;
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

// A library repeats the same few ten thousand words: stemming each once saves most of the indexing time.
const normalised = new Map<string, string | null>();
function normalise(term: string): string | null {
  let result = normalised.get(term);
  if (result === undefined) {
    const t = term.toLowerCase().replace(/['’]s$/, '');
    result = !t || STOP_WORDS.has(t) ? null : stem(t);
    if (normalised.size > 500_000) normalised.clear();
    normalised.set(term, result);
  }
  return result;
}

/** Edits allowed for a query term: none for short words, one for four letters, a fifth of longer ones. */
function typoTolerance(term: string): number | false {
  if (term.length >= 5) return 0.2;
  return term.length === 4 ? 1 : false;
}

const FIELD_BOOSTS = { title: 6, headings: 3, tags: 3, summary: 2, text: 1 };
const SNIPPET_LENGTH = 200;
const tokenize = MiniSearch.getDefault('tokenize') as (
  text: string,
) => string[];

type SectionTerms = { heading: Set<string>; text: Set<string> }[];
const termSet = (text: string) =>
  new Set(
    tokenize(text)
      .map(normalise)
      .filter((t): t is string => Boolean(t)),
  );

/**
 * Per-article sets of section terms, computed when an article first appears in results and
 * kept for the most recent ones: a popular article is tokenized once, and memory stays
 * bounded however large the library.
 */
class SectionTermsCache {
  private readonly entries = new Map<string, SectionTerms>();
  constructor(private readonly capacity: number) {}

  get(article: ParsedArticle): SectionTerms {
    const id = article.summary.id;
    let terms = this.entries.get(id);
    if (terms) {
      this.entries.delete(id); // re-insert: most recently used last
    } else {
      terms = article.sections.map(s => ({
        heading: termSet(s.heading ?? ''),
        text: termSet(s.text),
      }));
      if (this.entries.size >= this.capacity) {
        this.entries.delete(this.entries.keys().next().value!);
      }
    }
    this.entries.set(id, terms);
    return terms;
  }
}

/** The section whose heading and text contain most of the matched terms; headings count triple. */
function bestSection(
  article: ParsedArticle,
  terms: SectionTerms,
  matched: string[],
) {
  let best: ParsedArticle['sections'][number] | undefined;
  let bestScore = 0;
  article.sections.forEach((section, i) => {
    let score = 0;
    for (const t of matched) {
      if (terms[i].heading.has(t)) score += 3;
      if (terms[i].text.has(t)) score += 1;
    }
    if (score > bestScore) {
      best = section;
      bestScore = score;
    }
  });
  return best;
}

/**
 * Full-text index with prefix completion, typo tolerance, synonyms and stemming. Articles are
 * ranked as whole documents (fast at ten thousand articles); then, for the results returned,
 * the section that matches best is found so a result can deep-link to its heading.
 */
export class SearchIndex {
  private constructor(
    private readonly index: MiniSearch<ArticleDocument>,
    private readonly articles: Map<string, ParsedArticle>,
    /** Every indexed term: a query term found here needs no fuzzy or prefix expansion. */
    private readonly vocabulary: Set<string>,
  ) {}

  private readonly sectionTerms = new SectionTermsCache(1000);

  static build(articles: Iterable<ParsedArticle>): SearchIndex {
    const vocabulary = new Set<string>();
    const index = new MiniSearch<ArticleDocument>({
      fields: ['title', 'headings', 'tags', 'summary', 'text'],
      processTerm: term => {
        const t = normalise(term);
        if (t) vocabulary.add(t);
        return t;
      },
      searchOptions: { processTerm: normalise },
    });
    const byId = new Map<string, ParsedArticle>();
    const documents: ArticleDocument[] = [];
    for (const article of articles) {
      const { id, title, summary, tags } = article.summary;
      byId.set(id, article);
      documents.push({
        id,
        title,
        headings: article.toc.map(t => t.text).join(' '),
        tags: tags.join(' '),
        summary,
        text: article.sections.map(x => x.text).join(' '),
      });
    }
    index.addAll(documents);
    return new SearchIndex(index, byId, vocabulary);
  }

  search(query: string, limit: number): SearchResult[] {
    const words = tokenize(query).filter(Boolean);
    const terms = new Set<string>();
    for (const w of words) {
      const lower = w.toLowerCase();
      if (STOP_WORDS.has(lower)) continue;
      terms.add(lower);
      for (const s of SYNONYMS[lower] ?? []) terms.add(s);
    }
    if (terms.size === 0) return [];
    const typed = new Set(words.map(normalise));
    const last = normalise(words[words.length - 1] ?? '');
    const known = (term: string) => this.vocabulary.has(term);
    const hits = this.index.search([...terms].join(' '), {
      boost: FIELD_BOOSTS,
      combineWith: 'OR',
      // Expanding a term is the expensive part at scale: only the word being typed is
      // completed, and only words the library does not contain are treated as typos.
      prefix: (term: string) =>
        term.length >= 3 && (term === last || !known(term)),
      fuzzy: (term: string) => (known(term) ? false : typoTolerance(term)),
      maxFuzzy: 2,
      // Typed words weigh more than the synonyms added for them.
      boostTerm: (term: string) => (typed.has(term) ? 1 : 0.6),
    });

    return hits.slice(0, limit).map(hit => {
      const article = this.articles.get(hit.id as string)!;
      const section = bestSection(
        article,
        this.sectionTerms.get(article),
        hit.terms,
      );
      return {
        id: article.summary.id,
        title: article.summary.title,
        summary: article.summary.summary,
        category: article.summary.category,
        score: Math.round(hit.score * 1000) / 1000,
        ...(section?.id
          ? { section: { id: section.id, text: section.heading! } }
          : {}),
        snippet: snippet(section?.text || article.summary.summary, [
          ...words,
          ...hit.terms,
        ]),
      };
    });
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
