import { promises as fs } from 'fs';
import { resolve } from 'path';
import { parseArgs } from 'util';
import {
  CheckResult,
  FailOn,
  applyWaivers,
  blockingFailures,
  mergeReports,
} from './report';
import { checkLocally, checkWithPortal } from './check';
import { UsageError } from './errors';
import { FORMATS, Format, formatReport } from './formats';
import { readSources } from './sources';
import { ReportTarget, parseEntityRef, pushReport } from './push';
import { CHECK_HELP, MAIN_HELP } from './help';

/** What the command touches outside itself, so tests can run it in-process. */
export type CliEnvironment = {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now: () => Date;
  fetch?: typeof fetch;
  version: string;
};

/** The exit codes, as CI reads them. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

type CheckOptions = {
  paths: string[];
  format: Format;
  failOn: FailOn;
  portal?: { url: string; token: string };
  docsUrl?: string;
  output?: string;
  report?: ReportTarget;
};

const REPORT_FLAGS = [
  'report-portal',
  'report-token',
  'report-url',
  'report-title',
  'commit',
  'entity',
] as const;

function httpUrl(flag: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag} must be an http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${flag} must be an http(s) URL, got "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

/** Where `--report-ref` pushes the report, from the report flags; UsageError for what is missing or malformed. */
function reportTargetOf(
  ref: string,
  values: {
    entity?: string;
    portal?: string;
    'report-portal'?: string;
    'report-token'?: string;
    'report-url'?: string;
    'report-title'?: string;
    commit?: string;
  },
  env: Record<string, string | undefined>,
): ReportTarget {
  if (!/^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/.test(ref)) {
    throw new UsageError(
      `--report-ref must be a branch or pull request ref such as main or pull/42, got "${ref}"`,
    );
  }
  if (values.entity === undefined) {
    throw new UsageError(
      '--report-ref needs --entity: the catalog entity of the repository, e.g. component:default/orders',
    );
  }
  const reportPortal = values['report-portal'] ?? values.portal;
  if (reportPortal === undefined) {
    throw new UsageError(
      "--report-ref needs the portal's URL: pass --report-portal (or --portal)",
    );
  }
  const reportToken = values['report-token'] ?? env.PAVED_ROAD_REPORT_TOKEN;
  if (!reportToken) {
    throw new UsageError(
      '--report-ref needs a report token: pass --report-token or set PAVED_ROAD_REPORT_TOKEN',
    );
  }
  if (values.commit !== undefined && !/^[0-9a-f]{7,64}$/i.test(values.commit)) {
    throw new UsageError(
      `--commit must be a commit hash, got "${values.commit}"`,
    );
  }
  return {
    url: httpUrl('--report-portal', reportPortal),
    token: reportToken,
    entity: parseEntityRef(values.entity),
    ref,
    ...(values['report-url'] !== undefined
      ? { link: httpUrl('--report-url', values['report-url']) }
      : {}),
    ...(values['report-title'] ? { title: values['report-title'] } : {}),
    ...(values.commit ? { commit: values.commit } : {}),
  };
}

/** Every flag the command line takes; the help pages list each of them. */
export const CLI_OPTIONS = {
  format: { type: 'string' },
  'fail-on': { type: 'string' },
  portal: { type: 'string' },
  token: { type: 'string' },
  'docs-url': { type: 'string' },
  output: { type: 'string' },
  'report-ref': { type: 'string' },
  entity: { type: 'string' },
  'report-portal': { type: 'string' },
  'report-token': { type: 'string' },
  'report-url': { type: 'string' },
  'report-title': { type: 'string' },
  commit: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** The command line, read strictly: an unknown flag or value is bad input, said plainly. */
export function parseCommandLine(
  argv: string[],
  env: Record<string, string | undefined>,
):
  | { command: 'help'; text: string }
  | { command: 'version' }
  | { command: 'check'; options: CheckOptions } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: CLI_OPTIONS,
    });
  } catch (error) {
    // Node's first sentence names the flag ("Unknown option '--x'"); the rest is about positionals
    const first = (error as Error).message.split(/\.\s|\n/)[0];
    throw new UsageError(first.charAt(0).toLowerCase() + first.slice(1));
  }
  const { values, positionals } = parsed;
  const [command, ...paths] = positionals;
  if (values.help) {
    return {
      command: 'help',
      text: command === 'check' ? CHECK_HELP : MAIN_HELP,
    };
  }
  if (values.version) return { command: 'version' };
  if (command === undefined)
    throw new UsageError(
      'no command given: paved-road check [paths…] [options]',
    );
  if (command !== 'check') {
    throw new UsageError(`unknown command "${command}": the command is check`);
  }
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(
      `unknown format "${values.format}": use one of ${FORMATS.join(', ')}`,
    );
  }
  const failOn = (values['fail-on'] ?? 'error') as FailOn;
  if (failOn !== 'error' && failOn !== 'warning') {
    throw new UsageError(
      `unknown severity "${values['fail-on']}" for --fail-on: use error or warning`,
    );
  }
  const token = values.token ?? env.PAVED_ROAD_TOKEN;
  let portal: CheckOptions['portal'];
  if (values.portal !== undefined) {
    const url = httpUrl('--portal', values.portal);
    if (!token) {
      throw new UsageError(
        '--portal needs a token: pass --token or set PAVED_ROAD_TOKEN',
      );
    }
    portal = { url, token };
  } else if (values.token !== undefined) {
    throw new UsageError("--token is for --portal: give the portal's URL too");
  }
  const docsUrl =
    values['docs-url'] !== undefined
      ? httpUrl('--docs-url', values['docs-url'])
      : portal?.url;
  if (values.output === '') throw new UsageError('--output needs a file name');
  let report: ReportTarget | undefined;
  if (values['report-ref'] !== undefined) {
    report = reportTargetOf(values['report-ref'], values, env);
  } else {
    const stray = REPORT_FLAGS.find(flag => values[flag] !== undefined);
    if (stray) {
      throw new UsageError(
        `--${stray} is for pushing a report: give --report-ref too`,
      );
    }
  }
  return {
    command: 'check',
    options: {
      paths,
      format,
      failOn,
      ...(portal ? { portal } : {}),
      ...(docsUrl ? { docsUrl } : {}),
      ...(values.output ? { output: values.output } : {}),
      ...(report ? { report } : {}),
    },
  };
}

async function check(
  options: CheckOptions,
  environment: CliEnvironment,
): Promise<number> {
  const sources = await readSources(options.paths, environment.cwd);
  const now = environment.now();
  const perSource: CheckResult[][] = [];
  for (const source of sources) {
    for (const warning of source.warnings) {
      environment.stderr(`paved-road: ${warning}\n`);
    }
    const results = options.portal
      ? await checkWithPortal(source, {
          ...options.portal,
          fetch: environment.fetch,
        })
      : checkLocally(source);
    const known = new Set(results.map(r => r.rule.id));
    for (const rule of [
      ...source.waivers.waivers.keys(),
      ...source.waivers.invalid.keys(),
    ]) {
      if (!known.has(rule)) {
        environment.stderr(
          `paved-road: ${source.entityFile} waives "${rule}", which is no rule${
            options.portal ? ' of the portal' : ' built in'
          }\n`,
        );
      }
    }
    for (const note of source.waivers.invalid.values()) {
      environment.stderr(`paved-road: ${source.entityFile}: ${note}\n`);
    }
    perSource.push(
      applyWaivers(results, source.waivers, now, source.entityFile),
    );
  }
  // findings carry their line and column from the rule engine, here or in the portal
  const report = mergeReports(perSource);
  const text = formatReport(report, options.format, {
    docsUrl: options.docsUrl,
    failOn: options.failOn,
    version: environment.version,
  });
  if (options.output) {
    const target = resolve(environment.cwd, options.output);
    try {
      await fs.writeFile(target, text, 'utf8');
    } catch (error) {
      throw new UsageError(
        `could not write ${options.output}: ${(error as Error).message}`,
      );
    }
  } else {
    environment.stdout(text);
  }
  if (options.report) {
    const pushed = await pushReport(report, options.report, {
      fetch: environment.fetch,
    });
    environment.stderr(
      `paved-road: report for ${pushed.ref} pushed to ${pushed.entityRef}\n`,
    );
  }
  return blockingFailures(report, options.failOn).length > 0
    ? EXIT.failed
    : EXIT.ok;
}

/** Runs `paved-road` with these arguments; resolves to the exit code. */
export async function runCli(
  argv: string[],
  environment: CliEnvironment,
): Promise<number> {
  try {
    const parsed = parseCommandLine(argv, environment.env);
    if (parsed.command === 'check') {
      return await check(parsed.options, environment);
    }
    environment.stdout(
      parsed.command === 'help' ? parsed.text : `${environment.version}\n`,
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      environment.stderr(
        `paved-road: ${error.message}\nRun paved-road --help for usage.\n`,
      );
    } else {
      environment.stderr(
        `paved-road: ${(error as Error)?.message ?? String(error)}\n`,
      );
    }
    return EXIT.badInput;
  }
}
