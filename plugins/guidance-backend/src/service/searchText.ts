import { Config } from '@backstage/config';

/**
 * How text becomes search terms: tokenizing, stop words, stemming, synonyms and the
 * vocabulary shipped by default. The index and queries go through the same functions.
 */

/** Words that say nothing about a topic; configurable with `guidance.search.stopWords`. */
export const DEFAULT_STOP_WORDS: readonly string[] = (
  'a about after again all also am an and any are as at be because been before being both but by ' +
  'can could did do does doing done during each either else even ever every for from get gets getting got had ' +
  'has have having he her here hers him his how i if in into is it its itself just keep keeps let like made make ' +
  'makes many me might more most much must my need needs no nor not now of off on once one only or other our ' +
  'ours out over own same she should so some still such than that the their them then there these they this ' +
  'those through to too under until up us use used using very via vs want was we were what when where whether ' +
  'which while who whom why will with within without would yet you your yours'
).split(' ');

/**
 * Abbreviations and alternative names for infrastructure vocabulary in general (not for any
 * one library): each key expands to the words articles tend to use. Configurable with
 * `guidance.search.synonyms`; an entry there replaces the default for that word.
 */
export const DEFAULT_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  k8s: ['kubernetes'],
  kube: ['kubernetes'],
  pg: ['postgres', 'postgresql'],
  postgres: ['postgresql'],
  postgresql: ['postgres'],
  psql: ['postgres'],
  db: ['database'],
  dbs: ['database'],
  argo: ['argocd'],
  argocd: ['argo'],
  fluxcd: ['flux'],
  gha: ['github', 'actions'],
  cicd: ['ci', 'cd'],
  sso: ['oidc', 'login'],
  oidc: ['openid'],
  jwt: ['token'],
  creds: ['credentials', 'secret'],
  credential: ['secret'],
  password: ['secret', 'credentials'],
  passwords: ['secret', 'credentials'],
  prom: ['prometheus'],
  oncall: ['on-call'],
  pager: ['page', 'on-call'],
  paged: ['page', 'on-call'],
  tls: ['certificate'],
  cert: ['certificate'],
  certs: ['certificate'],
  oom: ['memory'],
  oomkilled: ['oom', 'memory'],
  latency: ['slow'],
  slow: ['latency'],
  auth: ['authentication'],
  authn: ['authentication'],
  authz: ['authorization'],
  repo: ['repository'],
  repos: ['repository'],
  config: ['configuration'],
  env: ['environment'],
  envs: ['environment'],
  vm: ['machine'],
  ns: ['namespace'],
  svc: ['service'],
  pvc: ['volume', 'persistentvolumeclaim'],
  pv: ['volume', 'persistentvolume'],
  hpa: ['autoscaler'],
  dr: ['disaster', 'recovery'],
  mfa: ['multi-factor'],
  '2pc': ['two-phase', 'commit'],
  p50: ['percentile', 'median'],
  p90: ['percentile'],
  p95: ['percentile'],
  p99: ['percentile'],
  p999: ['percentile'],
  percentile: ['quantile'],
  quantile: ['percentile'],
  check: ['validate', 'verify'],
  validate: ['verify', 'check'],
  verify: ['validate', 'check'],
  coordinator: ['orchestrator'],
  orchestrator: ['coordinator'],
  pay: ['compensation'],
  paid: ['compensation'],
  duplicate: ['idempotent', 'idempotency'],
  duplicates: ['idempotent', 'idempotency'],
  eso: ['external-secrets'],
  'external secrets operator': ['eso'],
  'external secrets': ['eso'],
  rds: ['managed', 'database'],
  aurora: ['managed', 'database'],
  'cloud sql': ['managed', 'database'],
  'bare domain': ['apex'],
  'naked domain': ['apex'],
  'root domain': ['apex'],
  'no browser': ['device', 'headless'],
  headless: ['device'],
  errimagepull: ['image', 'pull'],
  imagepullbackoff: ['image', 'pull'],
  crashloopbackoff: ['crash', 'restart'],
  createcontainerconfigerror: ['configmap', 'secret'],
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
 * British spellings written the American way (standardise, analysed, behaviour), so either
 * spelling finds the other. Applied to the index and to queries alike, so a word it changes
 * that has no American twin still meets itself.
 */
export function americanSpelling(word: string): string {
  if (word.length < 6) return word;
  return word
    .replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1')
    .replace(/ys(e|es|ed|ing)$/, 'yz$1')
    .replace(/our(s|ed|ing|ite|ites)?$/, 'or$1');
}

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

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Calls `fn` with each lower-case word of `text`: letters and digits, split at everything else
 * (`max_connections` is two words). A hand-written scanner: indexing a large library spends
 * most of its time here, and a Unicode regular expression is several times slower.
 */
export function forEachWord(
  text: string,
  fn: (word: string, start: number) => void,
): void {
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    const isWord =
      (c >= 97 && c <= 122) ||
      (c >= 48 && c <= 57) ||
      (c > 127 && WORD_CHAR.test(lower[i]));
    if (isWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      fn(lower.slice(start, i), start);
      start = -1;
    }
  }
}

/** The lower-case words of `text`, as {@link forEachWord} finds them. */
export function words(text: string): string[] {
  const out: string[] = [];
  forEachWord(text, w => out.push(w));
  return out;
}

/** Stop words and synonyms as one library's configuration gives them. */
export type SearchVocabularyOptions = {
  stopWords?: Iterable<string>;
  /** Replaces the default for each word it names; an empty list removes the default. */
  synonyms?: Record<string, string[]>;
};

/** Reads `guidance.search` (synonyms and stop words); a bad entry fails start-up with its key. */
export function readSearchVocabulary(config: Config): SearchVocabularyOptions {
  const search = config.getOptionalConfig('guidance.search');
  if (!search) return {};
  const synonyms: Record<string, string[]> = {};
  const synonymsConfig = search.getOptionalConfig('synonyms');
  for (const key of synonymsConfig?.keys() ?? []) {
    synonyms[key] = synonymsConfig!.getStringArray(key);
  }
  return {
    synonyms,
    ...(search.has('stopWords')
      ? { stopWords: search.getStringArray('stopWords') }
      : {}),
  };
}

/**
 * The default synonyms with the configured ones over them (each replaces the default for its key),
 * keyed by their words as text is split ("Cloud SQL" is the key "cloud sql"); expansions as written.
 */
export function synonymTable(
  options: SearchVocabularyOptions = {},
): Map<string, readonly string[]> {
  const table = new Map<string, readonly string[]>();
  for (const [key, expansions] of [
    ...Object.entries(DEFAULT_SYNONYMS),
    ...Object.entries(options.synonyms ?? {}),
  ]) {
    table.set(words(key).join(' '), expansions);
  }
  return table;
}

/** A synonym whose key is several words ("external secrets operator"). */
export type PhraseSynonym = { words: string[]; expansions: string[] };

/** Turns words into index terms, with a cache: a library repeats the same few ten thousand words. */
export class TermNormaliser {
  readonly stopWords: ReadonlySet<string>;
  /** Single-word keys. */
  readonly synonyms: ReadonlyMap<string, string[]>;
  /** Keys of several words, found as consecutive words of a query. */
  readonly phraseSynonyms: readonly PhraseSynonym[];
  private readonly cache = new Map<string, string | null>();

  constructor(options: SearchVocabularyOptions = {}) {
    this.stopWords = new Set(
      [...(options.stopWords ?? DEFAULT_STOP_WORDS)].map(w => w.toLowerCase()),
    );
    const all = synonymTable(options);
    const synonyms = new Map<string, string[]>();
    const phrases: PhraseSynonym[] = [];
    for (const [key, written] of all) {
      const expansions = written.flatMap(x => words(x));
      if (!key || expansions.length === 0) continue;
      if (key.includes(' '))
        phrases.push({ words: key.split(' '), expansions });
      else synonyms.set(key, expansions);
    }
    this.synonyms = synonyms;
    this.phraseSynonyms = phrases;
  }

  /** The index term for a lower-case word, or null for a stop word. */
  term(word: string): string | null {
    let result = this.cache.get(word);
    if (result === undefined) {
      result = this.stopWords.has(word) ? null : stem(americanSpelling(word));
      if (this.cache.size > 200_000) this.cache.clear();
      this.cache.set(word, result);
    }
    return result;
  }
}
