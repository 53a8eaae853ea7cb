import { RuleInput } from '../types';
import { isRecord } from './kubernetes';

/** What the GitHub Actions rules know about workflow files. */

const WORKFLOW_FILE = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/;

export type Workflow = {
  file: string;
  /** Position of the document in its file, from 0. */
  index: number;
  body: Record<string, any>;
};

/** The workflow files among the input: `.github/workflows/*.yml` documents with `jobs`. */
export function workflowsOf(input: RuleInput): Workflow[] {
  return (input.documents ?? [])
    .filter(d => WORKFLOW_FILE.test(d.file) && isRecord(d.body))
    .map(d => ({
      file: d.file,
      index: d.index,
      body: d.body as Record<string, any>,
    }))
    .filter(w => isRecord(w.body.jobs));
}

/** Every `uses:` of a workflow: steps' actions and jobs' reusable workflows. */
export function usesOf(
  workflow: Workflow,
): { job: string; uses: string; step?: string }[] {
  const found: { job: string; uses: string; step?: string }[] = [];
  for (const [job, spec] of Object.entries(workflow.body.jobs)) {
    if (!isRecord(spec)) continue;
    if (typeof spec.uses === 'string') found.push({ job, uses: spec.uses });
    const steps = Array.isArray(spec.steps) ? spec.steps : [];
    steps.forEach((step: unknown, i: number) => {
      if (isRecord(step) && typeof step.uses === 'string') {
        found.push({
          job,
          uses: step.uses,
          step: typeof step.name === 'string' ? step.name : `step ${i + 1}`,
        });
      }
    });
  }
  return found;
}

/** The events a workflow runs on: `on: push`, `on: [push, pull_request]` or `on: { push: … }`. */
export function eventsOf(workflow: Workflow): string[] {
  const on = workflow.body.on;
  if (typeof on === 'string') return [on];
  if (Array.isArray(on))
    return on.filter((e): e is string => typeof e === 'string');
  return isRecord(on) ? Object.keys(on) : [];
}
