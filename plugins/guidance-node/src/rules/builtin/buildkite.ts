import { RuleInput } from '../types';
import { isRecord } from './kubernetes';

/** What the Buildkite rules know about pipeline files. */

const BUILDKITE_FILE = /(^|\/)\.buildkite\/.+\.ya?ml$/;

export type BuildkitePipeline = {
  file: string;
  index: number;
  /** `env` of the pipeline, when it has one. */
  env?: unknown;
  steps: unknown[];
  /** Path of `steps` in the document. */
  stepsPath: (string | number)[];
};

/** A step with its YAML path; group steps are flattened into their children. */
export type BuildkiteStep = {
  step: Record<string, any>;
  path: (string | number)[];
  label: string;
};

/** Pipelines under `.buildkite/`: documents with a `steps` list (a Compose file there has none). */
export function buildkitePipelinesOf(input: RuleInput): BuildkitePipeline[] {
  const found: BuildkitePipeline[] = [];
  for (const d of input.documents ?? []) {
    if (!BUILDKITE_FILE.test(d.file)) continue;
    if (isRecord(d.body) && Array.isArray(d.body.steps)) {
      found.push({
        file: d.file,
        index: d.index,
        env: d.body.env,
        steps: d.body.steps,
        stepsPath: ['steps'],
      });
    }
  }
  return found;
}

/** Every step of a pipeline, group steps' children included. */
export function stepsOf(pipeline: BuildkitePipeline): BuildkiteStep[] {
  const found: BuildkiteStep[] = [];
  const walk = (steps: unknown[], path: (string | number)[]) =>
    steps.forEach((step, i) => {
      if (!isRecord(step)) return;
      const here = [...path, i];
      const name = step.label ?? step.key ?? step.group ?? step.trigger;
      found.push({
        step,
        path: here,
        label: typeof name === 'string' ? `step "${name}"` : `step ${i + 1}`,
      });
      if (Array.isArray(step.steps)) walk(step.steps, [...here, 'steps']);
    });
  walk(pipeline.steps, pipeline.stepsPath);
  return found;
}
