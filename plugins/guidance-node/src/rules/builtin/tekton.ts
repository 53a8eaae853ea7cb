import { ManifestObject, RuleInput } from '../types';
import { isRecord } from './kubernetes';

/** What the Tekton rules know about Pipelines, Tasks and their runs. */

const TEKTON_KINDS = ['Pipeline', 'Task', 'PipelineRun', 'TaskRun'];

export const tektonObjectsOf = (input: RuleInput): ManifestObject[] =>
  input.objects.filter(
    o =>
      o.apiVersion.startsWith('tekton.dev/') && TEKTON_KINDS.includes(o.kind),
  );

/** A `taskRef` or `pipelineRef` with its YAML path and a label for messages. */
export type TektonRef = {
  ref: Record<string, any>;
  path: (string | number)[];
  label: string;
};

/** A `taskSpec` or Task `spec` (something with steps), with its YAML path. */
export type TektonTaskSpec = {
  spec: Record<string, any>;
  path: (string | number)[];
  label: string;
};

function pipelineTasks(
  pipelineSpec: unknown,
  path: (string | number)[],
  refs: TektonRef[],
  specs: TektonTaskSpec[],
) {
  if (!isRecord(pipelineSpec)) return;
  for (const list of ['tasks', 'finally'] as const) {
    const tasks = Array.isArray(pipelineSpec[list]) ? pipelineSpec[list] : [];
    tasks.forEach((task: unknown, i: number) => {
      if (!isRecord(task)) return;
      const label = `task ${typeof task.name === 'string' ? task.name : i + 1}`;
      if (isRecord(task.taskRef))
        refs.push({
          ref: task.taskRef,
          path: [...path, list, i, 'taskRef'],
          label,
        });
      if (isRecord(task.taskSpec))
        specs.push({
          spec: task.taskSpec,
          path: [...path, list, i, 'taskSpec'],
          label,
        });
    });
  }
}

/** The references and inline task specs of one Tekton object. */
export function tektonPartsOf(object: ManifestObject): {
  refs: TektonRef[];
  specs: TektonTaskSpec[];
} {
  const refs: TektonRef[] = [];
  const specs: TektonTaskSpec[] = [];
  const spec =
    isRecord(object.body) && isRecord((object.body as any).spec)
      ? ((object.body as any).spec as Record<string, any>)
      : {};
  switch (object.kind) {
    case 'Task':
      specs.push({ spec, path: ['spec'], label: 'the task' });
      break;
    case 'Pipeline':
      pipelineTasks(spec, ['spec'], refs, specs);
      break;
    case 'PipelineRun':
      if (isRecord(spec.pipelineRef))
        refs.push({
          ref: spec.pipelineRef,
          path: ['spec', 'pipelineRef'],
          label: 'the run',
        });
      pipelineTasks(spec.pipelineSpec, ['spec', 'pipelineSpec'], refs, specs);
      break;
    case 'TaskRun':
      if (isRecord(spec.taskRef))
        refs.push({
          ref: spec.taskRef,
          path: ['spec', 'taskRef'],
          label: 'the run',
        });
      if (isRecord(spec.taskSpec))
        specs.push({
          spec: spec.taskSpec,
          path: ['spec', 'taskSpec'],
          label: 'the run',
        });
      break;
    default:
  }
  return { refs, specs };
}

/** A resolver's params as a map: `params: [{ name: revision, value: v1.7.0 }]`. */
export function resolverParams(ref: Record<string, any>): Map<string, unknown> {
  const params = new Map<string, unknown>();
  for (const p of Array.isArray(ref.params) ? ref.params : []) {
    if (isRecord(p) && typeof p.name === 'string') params.set(p.name, p.value);
  }
  return params;
}
