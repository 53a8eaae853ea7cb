import { GuidanceRule } from '../types';
import { checkContainers, parseImage } from './kubernetes';

/** `latest` (or no tag) makes the kubelet pull whatever is newest: not reproducible, not rollbackable. */
export const imageTagRule: GuidanceRule = {
  id: 'image-tag',
  title: 'Images name a version, not latest',
  severity: 'error',
  fileKinds: ['kubernetes'],
  article: { id: 'minikube-deployment-patterns', section: 'rule-image-tag' },
  check: input => {
    const pinned = new Set(input.kustomize?.pinnedImages ?? []);
    return checkContainers(input, {
      include: c => typeof c.container.image === 'string',
      check: ({ container, label }) => {
        const image = container.image!;
        const { name, tag, digest } = parseImage(image);
        if (digest || pinned.has(name) || (tag && tag !== 'latest')) {
          return { ok: true, message: `${label} uses image "${image}"` };
        }
        return {
          ok: false,
          message: tag
            ? `${label} uses image "${image}": pin a version instead of latest`
            : `${label} uses image "${image}" without a tag: pin a version`,
        };
      },
    });
  },
};
