import { GuidanceRule, RuleFinding } from '../types';
import { isRecord } from './kubernetes';
import { buildkitePipelinesOf, stepsOf } from './buildkite';
import { yamlPositionFinder } from './yamlPositionFinder';

const FULL_SHA = /^[0-9a-f]{40}$/;
/** `v5.13.0`, `v5`, `5.13.0`: a release tag. */
const RELEASE_TAG = /^v?\d+(\.\d+){0,2}([-+][0-9A-Za-z.-]+)?$/;

/** The plugin references of a step: `plugins: [docker#v5.13.0: {...}, "org/name#v1"]` or a map. */
function pluginsOf(
  plugins: unknown,
): { name: string; at: (string | number)[] }[] {
  if (Array.isArray(plugins)) {
    return plugins.flatMap((plugin, i) => {
      if (typeof plugin === 'string') return [{ name: plugin, at: [i] }];
      if (isRecord(plugin))
        return Object.keys(plugin).map(name => ({ name, at: [i, name] }));
      return [];
    });
  }
  return isRecord(plugins)
    ? Object.keys(plugins).map(name => ({ name, at: [name] }))
    : [];
}

function judge(name: string): string | undefined {
  const hash = name.lastIndexOf('#');
  if (hash < 0)
    return "has no #version, so the agent clones the plugin's default branch";
  const ref = name.slice(hash + 1);
  if (FULL_SHA.test(ref) || RELEASE_TAG.test(ref)) return undefined;
  return `is at #${ref}, a branch or moving ref`;
}

/**
 * A plugin without a version is cloned from its default branch when the job starts: the plugin
 * author's next commit changes the build, and two agents can run two different versions.
 */
export const buildkitePluginsPinnedRule: GuidanceRule = {
  id: 'buildkite-plugins-pinned',
  title: 'Buildkite pipelines pin every plugin to a version tag',
  severity: 'warning',
  fileKinds: ['buildkite'],
  article: {
    id: 'buildkite-pipeline-patterns',
    section: 'rule-buildkite-plugins-pinned',
  },
  check(input) {
    const findings: RuleFinding[] = [];
    const positionOf = yamlPositionFinder(input);
    for (const pipeline of buildkitePipelinesOf(input)) {
      for (const { step, path, label } of stepsOf(pipeline)) {
        for (const { name, at } of pluginsOf(step.plugins)) {
          const problem = judge(name);
          findings.push({
            status: problem ? 'fail' : 'pass',
            file: pipeline.file,
            ...(positionOf(pipeline.file, pipeline.index, [
              ...path,
              'plugins',
              ...at,
            ]) ?? {}),
            message: problem
              ? `${label} uses plugin ${name}, which ${problem}: pin a release tag, e.g. docker#v5.13.0`
              : `${label} uses plugin ${name}`,
          });
        }
      }
    }
    return findings;
  },
};
