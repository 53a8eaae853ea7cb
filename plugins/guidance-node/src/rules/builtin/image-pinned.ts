import { GuidanceRule } from '../types';
import { checkContainers, parseImage } from './kubernetes';

/** Tags that name a branch or a channel move under you just as latest does. */
const MOVING_TAGS = new Set([
  'latest',
  'main',
  'master',
  'stable',
  'edge',
  'dev',
  'develop',
  'nightly',
  'release',
  'current',
]);
/** `1`, `v2`: a major version alone is a moving target too. */
const MAJOR_ONLY = /^v?\d+$/;

/**
 * Images are pinned to something that does not move: a digest, or a tag naming one build
 * (a full version or a commit). Stricter than `image-tag`, so a warning.
 */
export const imagePinnedRule: GuidanceRule = {
  id: 'image-pinned',
  title: 'Images are pinned by a specific tag or a digest',
  severity: 'warning',
  fileKinds: ['kubernetes'],
  article: { id: 'minikube-deployment-patterns', section: 'rule-image-pinned' },
  check: input => {
    const pinnedByKustomize = new Set(input.kustomize?.pinnedImages ?? []);
    return checkContainers(input, {
      include: c => typeof c.container.image === 'string',
      check: ({ container, label }) => {
        const image = container.image!;
        const { name, tag, digest } = parseImage(image);
        if (digest || pinnedByKustomize.has(name)) {
          return { ok: true, message: `${label} pins "${image}"` };
        }
        if (!tag) {
          return {
            ok: false,
            message: `${label} uses image "${image}" without a tag or digest`,
          };
        }
        if (MOVING_TAGS.has(tag.toLowerCase()) || MAJOR_ONLY.test(tag)) {
          return {
            ok: false,
            message: `${label} uses image "${image}": tag "${tag}" moves; pin a full version, a commit or a digest`,
          };
        }
        return { ok: true, message: `${label} pins "${image}"` };
      },
    });
  },
};
