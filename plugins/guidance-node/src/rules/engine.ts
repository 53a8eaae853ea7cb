import { posix } from 'path';
import * as yaml from 'yaml';
import { LineCounter, parseAllDocuments } from 'yaml';
import {
  ManifestFile,
  ManifestObject,
  ManifestParseError,
  RuleInput,
} from './types';
import { UnresolvedConflict, withoutConflictMarkers } from './conflictMarkers';
import { catalogEntityOf } from './catalogEntity';
import {
  FieldPositions,
  MAX_FIELD_POSITIONS,
  fieldPositionsOf,
} from './positions';

const isYamlFile = (path: string) => /\.ya?ml$/i.test(path);
const POD_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'Pod',
];

type Doc = Record<string, any>;
const isRecord = (v: unknown): v is Doc =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isKustomization(file: string, doc: Doc): boolean {
  if (typeof doc.apiVersion === 'string') {
    return doc.apiVersion.startsWith('kustomize.config.k8s.io/');
  }
  // kustomize accepts a kustomization.yaml without apiVersion and kind
  return /^kustomization\.ya?ml$/i.test(posix.basename(file));
}

/** A workload without a complete container list is a kustomize patch, not an object to check. */
function isPartialWorkload(doc: Doc): boolean {
  if (!POD_KINDS.includes(doc.kind)) return false;
  let spec = doc.spec?.template?.spec;
  if (doc.kind === 'Pod') spec = doc.spec;
  if (doc.kind === 'CronJob')
    spec = doc.spec?.jobTemplate?.spec?.template?.spec;
  const containers = spec?.containers;
  return (
    !Array.isArray(containers) ||
    containers.length === 0 ||
    containers.some((c: any) => !c?.image)
  );
}

/**
 * One YAML document of a file: its value, or why it could not be read and where (1-based).
 *
 * @public
 */
export type ParsedYamlDocument =
  | {
      index: number;
      body: unknown;
      /** Where its fields are (see {@link FieldPositions}); absent from parsers that do not say. */
      positions?: FieldPositions;
      error?: undefined;
    }
  | {
      index: number;
      error: string;
      line?: number;
      column?: number;
      body?: undefined;
      positions?: undefined;
    };

/**
 * Parses a file's YAML documents, somewhere: in this thread or off it (the backend's worker).
 *
 * @public
 */
export type YamlDocumentParser = (
  content: string,
) => Promise<ParsedYamlDocument[]>;

/**
 * Aliases one document may expand. The `yaml` package's own default; said here because an alias
 * bomb is refused by it with a ReferenceError from `toJS`, which must become a parse error.
 *
 * @public
 */
export const MAX_YAML_ALIAS_COUNT = 100;

/**
 * Where an offset of `content` is, as 1-based line and column. An offset at or past the last
 * non-blank character (the parser points after the text for "never closed") is moved back onto
 * that character, so the position is always inside the file.
 */
export function positionOf(
  content: string,
  offset: number,
): { line: number; column: number } {
  const lastChar = content.trimEnd().length - 1;
  const at = Math.max(0, Math.min(offset, lastChar));
  const before = content.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/**
 * A parser error as one sentence: its first line without the trailing
 * " at line 2, column 1:" (the position is given as fields).
 */
export function yamlErrorText(error: unknown): string {
  const first = String((error as Error)?.message ?? error).split('\n')[0];
  return first
    .replace(/\s+at line \d+, column \d+:?\s*$/, '')
    .replace(/:\s*$/, '');
}

/**
 * Parses one file's YAML documents in this thread; a document that cannot be read is an error entry.
 *
 * @public
 */
export function parseYamlDocuments(content: string): ParsedYamlDocument[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(content, { merge: true, lineCounter });
  let budget = MAX_FIELD_POSITIONS;
  return (Array.isArray(docs) ? docs : [docs]).map((doc, index) => {
    if (doc.errors.length > 0) {
      const [error] = doc.errors;
      return {
        index,
        error: yamlErrorText(error),
        ...positionOf(content, error.pos[0]),
      };
    }
    try {
      const body = doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
      // past the file's budget a document records its start only
      const positions = fieldPositionsOf(
        yaml,
        doc,
        lineCounter,
        Math.max(1, budget),
      );
      budget -= Object.keys(positions).length;
      return { index, body, positions };
    } catch (error) {
      // no position of its own (an alias expanded too far): the document's start
      return {
        index,
        error: yamlErrorText(error),
        ...positionOf(content, doc.range?.[0] ?? 0),
      };
    }
  });
}

/** Positions of a text read without its conflict blocks, as lines of the original file. */
function remapLines(
  positions: FieldPositions,
  originalLines: number[],
): FieldPositions {
  const out: FieldPositions = {};
  for (const [key, [line, column]] of Object.entries(positions)) {
    out[key] = [originalLines[line - 1] ?? line, column];
  }
  return out;
}

/** Gathers the parsed files, then builds what the rules read. */
class ManifestCollector {
  private readonly parseErrors: ManifestParseError[] = [];
  private readonly parsed: {
    file: string;
    docs: { index: number; body: Doc }[];
  }[] = [];
  private readonly positions = new Map<string, FieldPositions[]>();
  private readonly patchFiles = new Set<string>();
  /** Per file with conflict blocks: the original line of each line the parser saw. */
  private readonly originalLines = new Map<string, number[]>();
  private readonly pinnedImages = new Set<string>();
  readonly conflicts: UnresolvedConflict[] = [];

  /** The text to parse: conflict blocks are read as their first side; the merge-conflict rule reports them. */
  prepare(file: ManifestFile): string {
    const { content, conflicts, originalLines } = withoutConflictMarkers(
      file.content,
    );
    this.conflicts.push(...conflicts.map(c => ({ file: file.path, ...c })));
    if (originalLines) this.originalLines.set(file.path, originalLines);
    return content;
  }

  add(file: ManifestFile, parsedDocs: ParsedYamlDocument[]) {
    const docs: { index: number; body: Doc }[] = [];
    for (const doc of parsedDocs) {
      if (doc.error !== undefined) {
        const lines = this.originalLines.get(file.path);
        const line =
          doc.line !== undefined && lines ? lines[doc.line - 1] : doc.line;
        this.parseErrors.push({
          file: file.path,
          message: doc.error,
          ...(line !== undefined ? { line } : {}),
          ...(line !== undefined && doc.column !== undefined
            ? { column: doc.column }
            : {}),
        });
      } else if (isRecord(doc.body)) {
        docs.push({ index: doc.index, body: doc.body });
      }
      if (doc.error === undefined && doc.positions) {
        const lines = this.originalLines.get(file.path);
        const list = this.positions.get(file.path) ?? [];
        list[doc.index] = lines
          ? remapLines(doc.positions, lines)
          : doc.positions;
        this.positions.set(file.path, list);
      }
    }
    this.parsed.push({ file: file.path, docs });

    for (const { body } of docs) {
      if (!isKustomization(file.path, body)) continue;
      const dir = posix.dirname(file.path);
      const refs = [
        ...(Array.isArray(body.patchesStrategicMerge)
          ? body.patchesStrategicMerge
          : []),
        ...(Array.isArray(body.patches)
          ? body.patches.map((p: any) => p?.path)
          : []),
        ...(Array.isArray(body.patchesJson6902)
          ? body.patchesJson6902.map((p: any) => p?.path)
          : []),
      ];
      for (const ref of refs) {
        // inline patches are YAML text, not file names
        if (typeof ref === 'string' && !ref.includes('\n')) {
          this.patchFiles.add(posix.join(dir, ref));
        }
      }
      for (const image of Array.isArray(body.images) ? body.images : []) {
        if (isRecord(image) && typeof image.name === 'string') {
          const pinned =
            image.digest || (image.newTag && String(image.newTag) !== 'latest');
          if (pinned) this.pinnedImages.add(image.name);
        }
      }
    }
  }

  result(files: ManifestFile[]): RuleInput {
    const objects: ManifestObject[] = [];
    const documents = this.parsed.flatMap(({ file, docs }) =>
      docs.map(({ index, body }) => ({ file, index, body })),
    );
    for (const { file, docs } of this.parsed) {
      if (this.patchFiles.has(file)) continue;
      for (const { index, body } of docs) {
        if (
          typeof body.apiVersion !== 'string' ||
          typeof body.kind !== 'string'
        )
          continue;
        if (isKustomization(file, body) || isPartialWorkload(body)) continue;
        objects.push({
          file,
          index,
          apiVersion: body.apiVersion,
          kind: body.kind,
          name:
            typeof body.metadata?.name === 'string' ? body.metadata.name : '',
          body,
        });
      }
    }
    return {
      objects,
      parseErrors: this.parseErrors,
      documents,
      files,
      conflicts: this.conflicts,
      kustomize: { pinnedImages: [...this.pinnedImages].sort() },
      entity: catalogEntityOf(objects),
      positions: this.positions,
    };
  }
}

/**
 * Parses every YAML file into Kubernetes-style objects (those with `apiVersion` and `kind`);
 * files that do not parse are listed, not thrown. Kustomizations are read, not returned: the
 * files they name as patches are left out (partial objects), and the images they pin are noted.
 * Parses in this thread: for a few small files. A server parses with
 * {@link parseManifestsWith} and a parser off its event loop.
 *
 * @public
 */
export function parseManifests(files: ManifestFile[]): RuleInput {
  const collector = new ManifestCollector();
  for (const file of files) {
    if (!isYamlFile(file.path)) continue;
    collector.add(file, parseYamlDocuments(collector.prepare(file)));
  }
  return collector.result(files);
}

/**
 * More YAML documents than the caller's budget: the input is too large to evaluate.
 *
 * @public
 */
export class TooManyDocumentsError extends Error {
  /** The budget the input went over. */
  readonly maxDocuments: number;

  constructor(maxDocuments: number) {
    super(`more than ${maxDocuments} YAML documents`);
    this.maxDocuments = maxDocuments;
    this.name = 'TooManyDocumentsError';
  }
}

/**
 * {@link parseManifests}, with the YAML parsed by `parse`, one file at a time.
 *
 * @public
 */
export async function parseManifestsWith(
  files: ManifestFile[],
  parse: YamlDocumentParser,
  options: { maxDocuments?: number } = {},
): Promise<RuleInput> {
  const collector = new ManifestCollector();
  let documents = 0;
  for (const file of files) {
    if (!isYamlFile(file.path)) continue;
    const parsed = await parse(collector.prepare(file));
    documents += parsed.length;
    // stop parsing once the budget is spent: the rest would only be thrown away
    if (
      options.maxDocuments !== undefined &&
      documents > options.maxDocuments
    ) {
      throw new TooManyDocumentsError(options.maxDocuments);
    }
    collector.add(file, parsed);
  }
  return collector.result(files);
}

export { locateFinding, evaluateRules, evaluateRulesAsync } from './evaluate';
