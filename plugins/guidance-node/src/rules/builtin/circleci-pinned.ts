import { GuidanceRule, RuleFinding } from '../types';
import { isRecord, parseImage } from './kubernetes';
import { circleConfigsOf, dockerImagesOf } from './circleci';
import { yamlPositionFinder } from './yamlPositionFinder';

/** `6.1.0`: the only orb reference that cannot change under the config. */
const FULL_VERSION = /^\d+\.\d+\.\d+$/;

function judgeOrb(reference: string): string | undefined {
  const at = reference.lastIndexOf('@');
  if (at < 0) return 'names no version';
  const version = reference.slice(at + 1);
  if (version === 'volatile')
    return 'is @volatile, the newest release on every pipeline';
  if (!FULL_VERSION.test(version))
    return `is @${version}, which moves to each new release it matches`;
  return undefined;
}

/**
 * An orb on `@volatile` or a partial version, or an executor image on `latest`, changes the build
 * without a commit: the failure "builds change behaviour without a commit" in the article.
 */
export const circleciPinnedRule: GuidanceRule = {
  id: 'circleci-pinned',
  title: 'CircleCI configs pin orbs to a full version and images to a tag',
  severity: 'warning',
  fileKinds: ['circleci'],
  article: {
    id: 'circleci-pipeline-patterns',
    section: 'rule-circleci-pinned',
  },
  check(input) {
    const findings: RuleFinding[] = [];
    const positionOf = yamlPositionFinder(input);
    for (const config of circleConfigsOf(input)) {
      const at = (path: (string | number)[]) =>
        positionOf(config.file, config.index, path) ?? {};
      const orbs = isRecord(config.body.orbs) ? config.body.orbs : {};
      for (const [alias, reference] of Object.entries(orbs)) {
        // an inline orb is defined in the file itself
        if (typeof reference !== 'string') continue;
        const problem = judgeOrb(reference);
        findings.push({
          status: problem ? 'fail' : 'pass',
          file: config.file,
          ...at(['orbs', alias]),
          message: problem
            ? `orb ${alias}: ${reference} ${problem}: pin the full version, e.g. circleci/node@6.1.0`
            : `orb ${alias}: ${reference}`,
        });
      }
      for (const { image, owner, path } of dockerImagesOf(config)) {
        if (typeof image !== 'string') continue;
        const { tag, digest } = parseImage(image);
        const ok = Boolean(digest || (tag && tag !== 'latest'));
        findings.push({
          status: ok ? 'pass' : 'fail',
          file: config.file,
          ...at([...path, 'image']),
          message: ok
            ? `${owner} runs ${image}`
            : `${owner} runs ${image}${
                tag ? '' : ' (no tag means latest)'
              }: name a version, e.g. cimg/node:22.11.0`,
        });
      }
    }
    return findings;
  },
};
