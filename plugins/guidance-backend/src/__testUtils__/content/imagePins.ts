/** One container image reference: where it is written, the image and its pinned version. */
export type ImagePin = { where: string; image: string; tag: string };

const IMAGE_LINE = /^\s*-?\s*(?:[a-z]\w*I|i)mage:\s*["']?([^\s"'#]+)/;
const FROM_LINE = /^\s*FROM\s+(?:--platform=\S+\s+)?([^\s]+)/i;
const DOCKER_IO = /\bdocker\.io\/[\w./-]+:[\w.-]+/g;
const KUSTOMIZE_IMAGE =
  /^\s*-\s*name:\s*["']?([^\s"']+)["']?\s*\n\s*newTag:\s*["']?([^\s"']+)/gm;

/** Splits `registry:5000/org/name:tag@sha256:...` into a canonical image name and tag. */
export function parseImageRef(
  ref: string,
): { image: string; tag: string } | undefined {
  if (/[{}$]|<</.test(ref)) return undefined; // templated (Nunjucks, ${…}, CircleCI's << … >>): the value comes from elsewhere
  const noDigest = ref.split('@')[0];
  const colon = noDigest.lastIndexOf(':');
  if (colon < 0 || noDigest.indexOf('/', colon) >= 0) return undefined; // no tag pinned
  const image = noDigest
    .slice(0, colon)
    .replace(/^docker\.io\//, '')
    .replace(/^library\//, '');
  return { image, tag: noDigest.slice(colon + 1) };
}

/** Image references in a text: `image:` fields, Dockerfile `FROM`, `docker.io/…:tag`, kustomize `newTag`. */
export function collectImagePins(text: string, where: string): ImagePin[] {
  const pins: ImagePin[] = [];
  const add = (ref: string, line: number) => {
    const parsed = parseImageRef(ref);
    if (parsed) pins.push({ where: `${where}:${line}`, ...parsed });
  };
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const m = IMAGE_LINE.exec(line) ?? FROM_LINE.exec(line);
    if (m && /[:@]/.test(m[1]) && !/^[a-z]+\s/i.test(m[1])) add(m[1], i + 1);
    else for (const d of line.match(DOCKER_IO) ?? []) add(d, i + 1);
  });
  for (const m of text.matchAll(KUSTOMIZE_IMAGE)) {
    const line = text.slice(0, m.index).split('\n').length;
    add(`${m[1]}:${m[2]}`, line);
  }
  return pins;
}

/**
 * The version a tag pins: `1.23.4-alpine` and `1.23.4` pin the same Go, so the variant
 * after the first dash of a numeric tag is not part of it.
 */
export const pinnedVersion = (tag: string) =>
  /^v?\d/.test(tag) ? tag.split('-')[0] : tag;

/** One line per image pinned to more than one version, listing where each is written. */
export function pinConflicts(pins: ImagePin[]): string[] {
  const byImage = new Map<string, Map<string, string[]>>();
  for (const p of pins) {
    const versions = byImage.get(p.image) ?? new Map<string, string[]>();
    const version = pinnedVersion(p.tag);
    versions.set(version, [...(versions.get(version) ?? []), p.where]);
    byImage.set(p.image, versions);
  }
  return [...byImage.entries()]
    .filter(([, versions]) => versions.size > 1)
    .map(
      ([image, versions]) =>
        `${image} is pinned to ${[...versions.entries()]
          .map(([v, where]) => `${v} (${where.join(', ')})`)
          .join(' and ')}`,
    );
}
