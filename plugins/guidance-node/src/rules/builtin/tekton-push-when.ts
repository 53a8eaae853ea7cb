import { GuidanceRule, ManifestObject, RuleFinding } from '../types';
import { bodyOf, isRecord, refOf } from './kubernetes';
import { resolverParams, tektonObjectsOf } from './tekton';
import { yamlPositionFinder } from './yamlPositionFinder';

/** Shell commands that publish an image. */
const PUSH_COMMAND =
  /\b(docker|podman|buildah)\b[^\n;&|]*?\s(image\s+)?push\b|\bcrane\s+(push|copy)\b|\bskopeo\s+copy\b|--push\b/;
/** Catalog tasks that build and push by design. */
const PUSHING_TASK =
  /(^|[/-])(buildah|kaniko|build-push|buildpacks|s2i|ko-build)([/.-]|$)/;

/** Why a step publishes an image, or undefined. */
function stepPushes(step: unknown): string | undefined {
  if (!isRecord(step)) return undefined;
  if (typeof step.script === 'string') {
    const match = PUSH_COMMAND.exec(step.script);
    if (match) return `its script runs ${match[0].trim()}`;
  }
  const args = Array.isArray(step.args) ? step.args.map(String) : [];
  const kaniko =
    typeof step.image === 'string' &&
    /kaniko-project\/executor/.test(step.image);
  if (
    (kaniko && !args.includes('--no-push')) ||
    args.some(a => a.startsWith('--destination'))
  ) {
    return 'it runs kaniko with a --destination';
  }
  return undefined;
}

const specPushes = (spec: unknown): string | undefined => {
  const steps = isRecord(spec) && Array.isArray(spec.steps) ? spec.steps : [];
  for (const step of steps) {
    const why = stepPushes(step);
    if (why) return why;
  }
  return undefined;
};

/** Why a pipeline task publishes an image: its own steps, the Task it names, or a catalog build task. */
function taskPushes(
  task: Record<string, any>,
  tasks: ManifestObject[],
): string | undefined {
  if (isRecord(task.taskSpec)) return specPushes(task.taskSpec);
  const ref = isRecord(task.taskRef) ? task.taskRef : undefined;
  if (!ref) return undefined;
  if (typeof ref.name === 'string' && !ref.resolver) {
    const named = tasks.find(t => t.name === ref.name);
    if (named) return specPushes(bodyOf(named).spec);
  }
  const params = resolverParams(ref);
  const source = [ref.name, params.get('name'), params.get('pathInRepo')]
    .filter(v => typeof v === 'string')
    .join(' ');
  const match = PUSHING_TASK.exec(source);
  return match ? `it runs the ${match[2]} task` : undefined;
}

/**
 * The pipeline that tests a pull request must not publish what it built: a `when` on the task
 * that pushes (on the ref, or on a param only trusted triggers set) keeps unreviewed code out of
 * the registry.
 */
export const tektonPushWhenRule: GuidanceRule = {
  id: 'tekton-push-when',
  title:
    'Tekton pipelines guard the task that pushes an image with a when expression',
  severity: 'warning',
  fileKinds: ['tekton'],
  article: { id: 'tekton-pipelines', section: 'rule-tekton-push-when' },
  check(input) {
    const findings: RuleFinding[] = [];
    const positionOf = yamlPositionFinder(input);
    const objects = tektonObjectsOf(input);
    const tasks = objects.filter(o => o.kind === 'Task');
    for (const object of objects) {
      const spec = bodyOf(object).spec;
      let pipeline: { spec: any; path: string[] } | undefined;
      if (object.kind === 'Pipeline') pipeline = { spec, path: ['spec'] };
      else if (object.kind === 'PipelineRun' && isRecord(spec?.pipelineSpec))
        pipeline = { spec: spec.pipelineSpec, path: ['spec', 'pipelineSpec'] };
      if (!pipeline || !Array.isArray(pipeline.spec?.tasks)) continue;
      pipeline.spec.tasks.forEach((task: unknown, i: number) => {
        if (!isRecord(task)) return;
        const why = taskPushes(task, tasks);
        if (!why) return;
        const name = `task ${
          typeof task.name === 'string' ? task.name : i + 1
        }`;
        const guarded = Array.isArray(task.when) && task.when.length > 0;
        findings.push({
          status: guarded ? 'pass' : 'fail',
          file: object.file,
          object: refOf(object),
          ...(positionOf(object.file, object.index, [
            ...pipeline.path,
            'tasks',
            i,
          ]) ?? {}),
          message: guarded
            ? `${name} pushes an image (${why}) only when its when expressions allow`
            : `${name} pushes an image (${why}) on every run, pull requests included: add when: [{ input: $(params.git-ref), operator: in, values: ["refs/heads/main"] }]`,
        });
      });
    }
    return findings;
  },
};
