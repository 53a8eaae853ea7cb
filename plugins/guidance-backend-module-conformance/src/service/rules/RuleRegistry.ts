import { CustomErrorBase, InputError } from '@backstage/errors';
import {
  summarize,
  WaiverParse,
  applyWaiver,
  isWaiverActive,
  readWaivers,
  LifecycleTable,
  RuleResult,
  RuleSummary,
  ValidateResponse,
} from '@paved-road/plugin-guidance-common';
import {
  GuidanceRule,
  ManifestFile,
  ManifestObject,
  RuleEvaluation,
  evaluateRulesAsync,
  parseManifests,
  parseManifestsWith,
  TooManyDocumentsError,
  RuleInput,
  YamlDocumentParser,
  toResultFinding,
} from '@paved-road/plugin-guidance-node';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { GuidanceLibraryArticle as ParsedArticle } from '@paved-road/plugin-guidance-node';

/**
 * Objects one evaluation takes (a source, or a `/validate` call). Some rules relate objects
 * (a workload and its Services, budgets, bindings); a repository's manifests hold hundreds.
 */
export const MAX_OBJECTS = 5000;

/** What one `/validate` call may send: enough for a repository's manifests, not a dump. */
export const VALIDATE_LIMITS = { files: 200, totalBytes: 1024 * 1024 };

/** Too many files or bytes to validate in one call: 413, in Backstage's error body. */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  statusCode = 413;
}

/** A rule as the API shows it: the article's title and the heading's text from the library. */
export function ruleSummary(
  rule: GuidanceRule,
  articles: ReadonlyMap<string, ParsedArticle>,
): RuleSummary {
  const article = articles.get(rule.article.id);
  const sectionId = rule.article.section;
  const heading = sectionId
    ? article?.toc.find(entry => entry.id === sectionId)
    : undefined;
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    article: {
      id: rule.article.id,
      // a custom rule may name an article this portal does not serve: show the id
      title: article?.summary.title ?? rule.article.id,
      ...(sectionId
        ? { section: { id: sectionId, text: heading?.text ?? sectionId } }
        : {}),
    },
  };
}

const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function assertRule(rule: GuidanceRule, origin: string) {
  const problems: string[] = [];
  if (typeof rule?.id !== 'string' || !RULE_ID.test(rule.id)) {
    problems.push('id must be kebab-case');
  }
  if (typeof rule?.title !== 'string' || !rule.title.trim()) {
    problems.push('title is required');
  }
  if (rule?.severity !== 'error' && rule?.severity !== 'warning') {
    problems.push('severity must be "error" or "warning"');
  }
  if (typeof rule?.article?.id !== 'string' || !rule.article.id) {
    problems.push('article.id is required');
  }
  if (typeof rule?.check !== 'function') {
    problems.push('check must be a function');
  }
  if (problems.length > 0) {
    throw new Error(
      `Invalid guidance rule ${JSON.stringify(
        rule?.id,
      )} from ${origin}: ${problems.join('; ')}`,
    );
  }
}

/**
 * The rules the guidance backend applies: the built-in ones and those modules add through
 * `guidanceRulesExtensionPoint`. `/validate` and the conformance service both read them here,
 * so a custom rule shows everywhere the built-in ones do.
 */
export class RuleRegistry {
  private readonly rules: GuidanceRule[];

  /**
   * @param builtin - the rules the package ships
   * @param added - the rules modules added; an id already taken is an error at startup
   * @param articles - the library's articles now (read on every call: the library reloads)
   */
  constructor(options: {
    builtin: GuidanceRule[];
    added?: GuidanceRule[];
    articles: () => ReadonlyMap<string, ParsedArticle>;
    /** The lifecycle table now (a refresh replaces it); the rules fall back to the shipped one. */
    lifecycle?: () => LifecycleTable;
    /** Parses YAML off the event loop (the backend's worker threads); in this thread without. */
    parseYaml?: YamlDocumentParser;
    now?: () => Date;
  }) {
    this.lifecycle = options.lifecycle;
    this.parseYaml = options.parseYaml;
    this.now = options.now ?? (() => new Date());
    const seen = new Set<string>();
    const all = [
      ...options.builtin.map(rule => ({ rule, origin: 'the built-in rules' })),
      ...(options.added ?? []).map(rule => ({
        rule,
        origin: 'guidanceRulesExtensionPoint',
      })),
    ];
    for (const { rule, origin } of all) {
      assertRule(rule, origin);
      if (seen.has(rule.id)) {
        throw new Error(
          `Guidance rule id "${rule.id}" from ${origin} is already taken`,
        );
      }
      seen.add(rule.id);
    }
    this.rules = all.map(r => r.rule);
    this.articles = options.articles;
  }

  private readonly articles: () => ReadonlyMap<string, ParsedArticle>;
  private readonly lifecycle?: () => LifecycleTable;
  private readonly parseYaml?: YamlDocumentParser;
  private readonly now: () => Date;

  getRules(): GuidanceRule[] {
    return [...this.rules];
  }

  getRule(id: string): GuidanceRule | undefined {
    return this.rules.find(r => r.id === id);
  }

  /** The rule as the API shows it: the article's title and the heading's text from the library. */
  toSummary(rule: GuidanceRule): RuleSummary {
    return ruleSummary(rule, this.articles());
  }

  /** An engine result as the API shows it. */
  toResult(evaluation: RuleEvaluation): RuleResult {
    return {
      rule: this.toSummary(evaluation.rule),
      status: evaluation.status,
      findings: evaluation.findings.map(toResultFinding),
    };
  }

  /**
   * Runs every rule over the files; throws InputError / PayloadTooLargeError for bad input.
   * A `catalog-info.yaml` among the files has its waivers applied, and the response says so.
   */
  async validate(files: ManifestFile[]): Promise<ValidateResponse> {
    if (files.length > VALIDATE_LIMITS.files) {
      throw new PayloadTooLargeError(
        `Too many files: ${files.length}, at most ${VALIDATE_LIMITS.files} per request`,
      );
    }
    const bytes = files.reduce(
      (sum, f) => sum + Buffer.byteLength(f.content),
      0,
    );
    if (bytes > VALIDATE_LIMITS.totalBytes) {
      throw new PayloadTooLargeError(
        `Files too large: ${bytes} bytes, at most ${VALIDATE_LIMITS.totalBytes} per request`,
      );
    }
    const paths = new Set<string>();
    for (const { path } of files) {
      if (paths.has(path)) {
        throw new InputError(`Invalid body: file ${path} is listed twice`);
      }
      paths.add(path);
    }
    let input: RuleInput;
    try {
      input = await this.parse(files, { maxObjects: MAX_OBJECTS });
    } catch (error) {
      if (!(error instanceof TooManyDocumentsError)) throw error;
      throw new PayloadTooLargeError(
        `Too many objects: more than ${MAX_OBJECTS} per request`,
      );
    }
    if (input.objects.length > MAX_OBJECTS) {
      throw new PayloadTooLargeError(
        `Too many objects: ${input.objects.length}, at most ${MAX_OBJECTS} per request`,
      );
    }
    const evaluated = (await evaluateRulesAsync(this.rules, input)).map(e =>
      this.toResult(e),
    );
    const declared = catalogWaiversOf(input.objects);
    if (!declared) return { summary: summarize(evaluated), results: evaluated };
    const now = this.now();
    const results = evaluated.map(result => {
      const note = declared.parsed.invalid.get(result.rule.id);
      const waived = applyWaiver(
        result,
        declared.parsed.waivers.get(result.rule.id),
        now,
      );
      return note
        ? { ...waived, findings: [...waived.findings, { message: note }] }
        : waived;
    });
    const ruleIds = new Set(results.map(r => r.rule.id));
    const named = (ids: Iterable<string>) =>
      [...ids].filter(id => ruleIds.has(id)).sort();
    return {
      summary: summarize(results),
      results,
      waivers: {
        file: declared.file,
        entityRef: declared.entityRef,
        applied: named(
          [...declared.parsed.waivers]
            .filter(([, w]) => isWaiverActive(w, now))
            .map(([id]) => id),
        ),
        expired: named(
          [...declared.parsed.waivers]
            .filter(([, w]) => !isWaiverActive(w, now))
            .map(([id]) => id),
        ),
        invalid: named(declared.parsed.invalid.keys()),
      },
    };
  }

  /**
   * Runs every rule over the files, without the request limits of {@link RuleRegistry.validate}:
   * for callers that bound their input themselves (the conformance service reading a source).
   */
  async evaluate(files: ManifestFile[]): Promise<RuleResult[]> {
    const input = await this.parse(files);
    return (await evaluateRulesAsync(this.rules, input)).map(e =>
      this.toResult(e),
    );
  }

  /**
   * The rules' input: YAML parsed by the configured parser (the backend's worker threads),
   * else in this thread; with the current lifecycle table.
   */
  async parse(
    files: ManifestFile[],
    options: { maxObjects?: number } = {},
  ): Promise<RuleInput> {
    const input = this.parseYaml
      ? await parseManifestsWith(files, this.parseYaml, {
          maxDocuments: options.maxObjects,
        })
      : parseManifests(files);
    if (this.lifecycle) {
      input.lifecycle = {
        table: this.lifecycle(),
        today: this.now().toISOString().slice(0, 10),
      };
    }
    return input;
  }
}

const CATALOG_INFO = /(^|\/)catalog-info\.ya?ml$/i;

/**
 * The waivers a `catalog-info.yaml` among the files declares, the way the conformance service
 * reads them from the catalog: the file nearest the root, and in it the first Component (else
 * the first entity) that declares any waiver annotation.
 */
export function catalogWaiversOf(
  objects: ManifestObject[],
): { file: string; entityRef: string; parsed: WaiverParse } | undefined {
  const entities = objects
    .filter(
      o =>
        CATALOG_INFO.test(o.file) && o.apiVersion.startsWith('backstage.io/'),
    )
    .map(o => ({ object: o, parsed: readWaivers(o.body as Entity) }))
    .filter(e => e.parsed.waivers.size > 0 || e.parsed.invalid.size > 0)
    .sort(
      (a, b) =>
        a.object.file.split('/').length - b.object.file.split('/').length ||
        Number(b.object.kind === 'Component') -
          Number(a.object.kind === 'Component') ||
        a.object.index - b.object.index,
    );
  const [first] = entities;
  if (!first) return undefined;
  const namespace = (first.object.body as Entity).metadata?.namespace;
  return {
    file: first.object.file,
    entityRef: stringifyEntityRef({
      kind: first.object.kind,
      namespace: typeof namespace === 'string' ? namespace : 'default',
      name: first.object.name,
    }),
    parsed: first.parsed,
  };
}

/** Counts results by status (shared with `paved-road check`). */
export { summarize };
