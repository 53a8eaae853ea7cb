import { posix } from 'path';
import { DockerfileParser, Instruction } from 'dockerfile-ast';
import { RuleFinding, RuleInput } from '../types';
import { parseImage } from './kubernetes';

/** What the Dockerfile rules know about Dockerfiles: files, stages, instructions, positions. */

/** `Dockerfile`, `Dockerfile.prod`, `Dockerfile-dev`, `api.Dockerfile`; not BuildKit's `Dockerfile.dockerignore`. */
export function isDockerfile(path: string): boolean {
  const name = posix.basename(path);
  if (/\.dockerignore$/i.test(name)) return false;
  return /^Dockerfile([.-].+)?$/.test(name) || /\.dockerfile$/i.test(name);
}

/** One instruction, its arguments as written (continuations joined) and where it starts (1-based). */
export type DockerInstruction = {
  keyword: string;
  args: string;
  line: number;
  column: number;
  source: Instruction;
};

/** One build stage: from `FROM` to the next. */
export type DockerStage = {
  /** Position of the stage in the file, from 0. */
  index: number;
  /** The `AS` name, if any. */
  name?: string;
  from: {
    /** The image as written, e.g. `golang:${GO_VERSION}`. */
    written: string;
    /** With the global build arguments' defaults filled in; undefined when one has no default. */
    image?: string;
    /** The earlier stage this one builds on (`FROM build`), if any. */
    stage?: DockerStage;
    line: number;
    column: number;
  };
  instructions: DockerInstruction[];
};

export type ParsedDockerfile = { file: string; stages: DockerStage[] };

const VARIABLE =
  /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::[-+]([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Fills in `$NAME`, `${NAME}` and `${NAME:-default}`; undefined when a variable has no value. */
export function expandVariables(
  text: string,
  values: ReadonlyMap<string, string>,
): string | undefined {
  let unresolved = false;
  const expanded = text.replace(
    VARIABLE,
    (_all, braced: string, fallback: string | undefined, bare: string) => {
      const value = values.get(braced ?? bare);
      if (value !== undefined && value !== '') return value;
      if (fallback !== undefined) return fallback;
      unresolved = true;
      return '';
    },
  );
  return unresolved ? undefined : expanded;
}

/** Parses one Dockerfile into stages; the parser handles continuations, comments, heredocs and `AS`. */
export function parseDockerfile(
  file: string,
  content: string,
): ParsedDockerfile {
  const dockerfile = DockerfileParser.parse(content);
  const globals = new Map<string, string>();
  for (const arg of dockerfile.getInitialARGs()) {
    const property = arg.getProperty();
    if (property) globals.set(property.getName(), property.getValue() ?? '');
  }
  const stages: DockerStage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    const start = instruction.getRange().start;
    const entry: DockerInstruction = {
      keyword: instruction.getKeyword().toUpperCase(),
      args: instruction.getArgumentsContent() ?? '',
      line: start.line + 1,
      column: start.character + 1,
      source: instruction,
    };
    if (entry.keyword === 'FROM') {
      const from = dockerfile
        .getFROMs()
        .find(f => f.getRange().start.line === start.line);
      const written = from?.getImage() ?? '';
      const name = from?.getBuildStage() ?? undefined;
      // a stage name is matched case-insensitively, as BuildKit does
      const earlier = stages.find(
        s =>
          s.name !== undefined &&
          s.name.toLowerCase() === written.toLowerCase(),
      );
      stages.push({
        index: stages.length,
        ...(name ? { name } : {}),
        from: {
          written,
          image: earlier ? undefined : expandVariables(written, globals),
          ...(earlier ? { stage: earlier } : {}),
          line: entry.line,
          column: entry.column,
        },
        instructions: [],
      });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push(entry);
    }
  }
  return { file, stages };
}

/** The Dockerfiles among the input, parsed. */
export function dockerfilesOf(input: RuleInput): ParsedDockerfile[] {
  return (input.files ?? [])
    .filter(f => isDockerfile(f.path))
    .map(f => parseDockerfile(f.path, f.content));
}

/** The final stage and the stages it builds on, final first. */
export function finalImageStages(dockerfile: ParsedDockerfile): DockerStage[] {
  const chain: DockerStage[] = [];
  let stage: DockerStage | undefined =
    dockerfile.stages[dockerfile.stages.length - 1];
  while (stage && !chain.includes(stage)) {
    chain.push(stage);
    stage = stage.from.stage;
  }
  return chain;
}

/** `golang` from `docker.io/library/golang`, `sdk` from `mcr.microsoft.com/dotnet/sdk`. */
export function imageBaseName(image: string): string {
  const { name } = parseImage(image);
  return name.slice(name.lastIndexOf('/') + 1).toLowerCase();
}

/** A finding at an instruction of a Dockerfile. */
export function dockerFinding(
  status: RuleFinding['status'],
  dockerfile: ParsedDockerfile,
  at: { line: number; column: number },
  message: string,
): RuleFinding {
  return {
    status,
    file: dockerfile.file,
    line: at.line,
    column: at.column,
    message,
  };
}
