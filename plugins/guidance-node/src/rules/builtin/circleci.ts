import { RuleInput } from '../types';
import { isRecord } from './kubernetes';

/** What the CircleCI rules know about CircleCI configurations. */

/** `.circleci/config.yml`, and the continuation configs of dynamic config beside it. */
const CIRCLECI_FILE = /(^|\/)\.circleci\/[^/]+\.ya?ml$/;

export type CircleConfig = {
  file: string;
  index: number;
  body: Record<string, any>;
};

/** The CircleCI configurations among the input: documents under `.circleci/` with `jobs`, `workflows` or `orbs`. */
export function circleConfigsOf(input: RuleInput): CircleConfig[] {
  return (input.documents ?? [])
    .filter(d => CIRCLECI_FILE.test(d.file) && isRecord(d.body))
    .map(d => ({
      file: d.file,
      index: d.index,
      body: d.body as Record<string, any>,
    }))
    .filter(
      c =>
        isRecord(c.body.jobs) ||
        isRecord(c.body.workflows) ||
        isRecord(c.body.orbs),
    );
}

/** Every place a config names Docker images: named executors and jobs, with their YAML paths. */
export function dockerImagesOf(
  config: CircleConfig,
): {
  image: unknown;
  index: number;
  owner: string;
  path: (string | number)[];
  environment?: unknown;
}[] {
  const found: {
    image: unknown;
    index: number;
    owner: string;
    path: (string | number)[];
    environment?: unknown;
  }[] = [];
  for (const section of ['executors', 'jobs'] as const) {
    const entries = isRecord(config.body[section]) ? config.body[section] : {};
    for (const [name, spec] of Object.entries(entries)) {
      if (!isRecord(spec) || !Array.isArray(spec.docker)) continue;
      spec.docker.forEach((entry: unknown, index: number) => {
        if (!isRecord(entry)) return;
        found.push({
          image: entry.image,
          index,
          owner: `${section === 'jobs' ? 'job' : 'executor'} ${name}`,
          path: [section, name, 'docker', index],
          environment: entry.environment,
        });
      });
    }
  }
  return found;
}
