import {
  GUIDANCE_ANNOTATION,
  Recommendation,
  parseGuidanceAnnotation,
} from '@paved-road/plugin-guidance-common';
import type { ParsedArticle } from './parseArticle';
import {
  SearchVocabularyOptions,
  stem,
  synonymTable,
  words,
} from './searchText';

/** The parts of an entity recommendations look at; it need not exist in the catalog yet. */
export type EntityLike = {
  kind?: string;
  metadata?: {
    tags?: string[];
    annotations?: Record<string, string>;
    description?: unknown;
    title?: unknown;
  };
  spec?: { type?: unknown };
};

/**
 * How much each kind of evidence counts when ordering suggestions: an annotation names a tool
 * the entity is wired to; a tag or type is what the team says the entity is; a kind is broad;
 * a word in the description, or inside a longer tag, is the weakest hint.
 */
const EVIDENCE_WEIGHT = { annotation: 3, tag: 2, type: 2, kind: 1, mention: 1 };

/** An entity this one depends on, as the catalog has it: its type and tags are evidence too. */
export type Dependency = { ref: string; entity: EntityLike };

/** Descriptions are read up to here: evidence is in the first sentences, not in pasted specs. */
const MAX_DESCRIPTION = 2000;
/** Tags such as `kube-prometheus-stack` are matched as runs of up to this many words. */
const MAX_PHRASE_WORDS = 3;

/**
 * The form in which a tag, a type or a run of words is compared: lower case, separators
 * dropped, a trailing version number dropped and the last word stemmed. `PostgreSQL-15`,
 * `postgresql` and `postgresql_15` meet; so do `argo-cd` and "Argo CD", `sysctls` and `sysctl`.
 * A version glued to a name stays (`route53` is not Route version 53).
 */
export function evidenceKey(value: string): string {
  const parts = words(value);
  while (parts.length > 1 && /^v?\d+$/.test(parts[parts.length - 1])) {
    parts.pop();
  }
  if (parts.length === 0) return '';
  parts[parts.length - 1] = stem(parts[parts.length - 1]);
  return parts.join('');
}

type ArticleRules = {
  article: ParsedArticle;
  /** appliesTo tags by their evidence key, with the spelling the article gives. */
  tags: Map<string, string>;
  types: Map<string, string>;
  kinds: string[];
  annotations: string[];
};

/**
 * Suggests the articles that apply to a catalog entity. Built once per library snapshot.
 *
 * Articles the entity's guidance annotation names come first, in the order named. The others
 * are matched by their `appliesTo` rules against what the entity carries: annotations, tags,
 * spec.type and kind, and the words of its description, title and longer tags (so a
 * `hashicorp-vault` tag or "Postgres via PgBouncer" in a description counts). Tags and words are
 * compared through {@link evidenceKey} and the search synonyms (`k8s`, `pg`), so the rules of an
 * organisation's own articles work without listing every spelling a team might use.
 */
export class Recommender {
  private readonly rules: ArticleRules[];
  private readonly synonyms: Map<string, string[]>;

  constructor(
    private readonly articles: ReadonlyMap<string, ParsedArticle>,
    vocabulary: SearchVocabularyOptions = {},
  ) {
    this.synonyms = new Map(
      [...synonymTable(vocabulary)].map(([key, expansions]) => [
        key,
        expansions.map(evidenceKey),
      ]),
    );
    this.rules = [...articles.values()].map(article => {
      const { appliesTo } = article.frontMatter;
      return {
        article,
        tags: new Map(appliesTo.tags.map(t => [evidenceKey(t), t])),
        types: new Map(appliesTo.types.map(t => [evidenceKey(t), t])),
        kinds: appliesTo.kinds.map(k => k.toLowerCase()),
        annotations: appliesTo.annotations,
      };
    });
  }

  /**
   * @param dependencies what the entity depends on (its `dependsOn` relations), looked up in the
   *   catalog by the caller: a service that depends on a `database` Resource gets the database
   *   articles, with the dependency named in the reason.
   */
  recommend(
    entity: EntityLike,
    dependencies: readonly Dependency[] = [],
  ): Recommendation[] {
    const annotations = entity.metadata?.annotations ?? {};
    const linked: Recommendation[] = [];
    for (const id of parseGuidanceAnnotation(
      annotations[GUIDANCE_ANNOTATION],
    )) {
      const article = this.articles.get(id);
      if (article) {
        linked.push({
          article: article.summary,
          source: 'annotation',
          reasons: [`annotation ${GUIDANCE_ANNOTATION}`],
        });
      }
    }
    const listed = new Set(linked.map(r => r.article.id));

    const tags = new Set<string>();
    for (const tag of entity.metadata?.tags ?? []) {
      tags.add(evidenceKey(String(tag)));
      for (const key of this.aliases(String(tag))) tags.add(key);
    }
    const type =
      typeof entity.spec?.type === 'string'
        ? evidenceKey(entity.spec.type)
        : undefined;
    const kind = entity.kind?.toLowerCase();
    const mentions = this.mentions(entity);
    const needs = dependencies.map(({ ref, entity: dep }) => {
      const depType =
        typeof dep.spec?.type === 'string' ? dep.spec.type : undefined;
      return {
        ref,
        type: depType,
        typeKey: depType === undefined ? undefined : evidenceKey(depType),
        tags: new Map(
          (dep.metadata?.tags ?? []).map(t => [
            evidenceKey(String(t)),
            String(t),
          ]),
        ),
      };
    });

    const suggested: Array<Recommendation & { weight: number }> = [];
    for (const rules of this.rules) {
      const { summary } = rules.article;
      if (listed.has(summary.id)) continue;
      const reasons: string[] = [];
      let weight = 0;
      const add = (reason: string, w: number) => {
        reasons.push(reason);
        weight += w;
      };
      // Hints (mentions, dependencies) add one hint's weight per kind, however many there are.
      const addHints = (hints: string[]) => {
        if (hints.length === 0) return;
        reasons.push(...hints);
        weight += EVIDENCE_WEIGHT.mention;
      };
      for (const a of rules.annotations) {
        if (a in annotations)
          add(`annotation ${a}`, EVIDENCE_WEIGHT.annotation);
      }
      const mentioned = new Map<string, string[]>();
      for (const [key, tag] of rules.tags) {
        if (tags.has(key)) add(`tag ${tag}`, EVIDENCE_WEIGHT.tag);
        else if (mentions.has(key)) {
          const where = mentions.get(key)!;
          mentioned.set(where, [...(mentioned.get(where) ?? []), tag]);
        }
      }
      addHints(
        [...mentioned].map(
          ([where, named]) => `${where} mentions ${named.join(', ')}`,
        ),
      );
      if (type !== undefined && rules.types.has(type)) {
        add(`type ${rules.types.get(type)}`, EVIDENCE_WEIGHT.type);
      }
      if (kind !== undefined && rules.kinds.includes(kind)) {
        add(`kind ${entity.kind}`, EVIDENCE_WEIGHT.kind);
      }
      addHints(
        needs.flatMap(need => {
          const matched = [
            ...(need.typeKey !== undefined && rules.types.has(need.typeKey)
              ? [`type ${need.type}`]
              : []),
            ...[...need.tags]
              .filter(([key]) => rules.tags.has(key))
              .map(([, tag]) => `tag ${tag}`),
          ];
          return matched.length > 0
            ? [`depends on ${need.ref} (${matched.join(', ')})`]
            : [];
        }),
      );
      if (reasons.length > 0) {
        suggested.push({ article: summary, source: 'rule', reasons, weight });
      }
    }
    suggested.sort(
      (a, b) =>
        b.weight - a.weight || a.article.title.localeCompare(b.article.title),
    );
    return [...linked, ...suggested.map(({ weight: _, ...r }) => r)];
  }

  /** The evidence keys of a word's or phrase's synonyms, looked up as written (`k8s`, `pg`). */
  private aliases(text: string): string[] {
    return this.synonyms.get(words(text).join(' ')) ?? [];
  }

  /**
   * Runs of one to three words from the description, the title, the type and the tags, by
   * evidence key, each with where it was found (for the reason shown to the user).
   */
  private mentions(entity: EntityLike): Map<string, string> {
    const found = new Map<string, string>();
    const read = (text: string, where: string) => {
      const ws = words(text.slice(0, MAX_DESCRIPTION));
      for (let i = 0; i < ws.length; i++) {
        for (let n = 1; n <= MAX_PHRASE_WORDS && i + n <= ws.length; n++) {
          const phrase = ws.slice(i, i + n).join(' ');
          const key = evidenceKey(phrase);
          if (key.length < 3) continue;
          for (const k of [key, ...this.aliases(phrase)]) {
            if (!found.has(k)) found.set(k, where);
          }
        }
      }
    };
    const { metadata, spec } = entity;
    if (typeof metadata?.description === 'string') {
      read(metadata.description, 'description');
    }
    if (typeof metadata?.title === 'string') read(metadata.title, 'title');
    if (typeof spec?.type === 'string') read(spec.type, `type ${spec.type}`);
    for (const tag of metadata?.tags ?? []) read(String(tag), `tag ${tag}`);
    return found;
  }
}
