import { posix } from 'path';
import {
  LifecycleTable,
  SHIPPED_LIFECYCLE,
  VersionStatus,
  supportedCycles,
  versionStatus,
} from '@paved-road/plugin-guidance-common';
import { GuidanceRule, RuleFinding, RuleInput } from '../types';
import { checkContainers, parseImage } from './kubernetes';

/** Image repositories whose tag is the version of a product in the lifecycle table. */
const IMAGE_PRODUCTS: Record<string, string> = {
  node: 'nodejs',
  'cimg/node': 'nodejs',
  golang: 'go',
  'cimg/go': 'go',
  postgres: 'postgresql',
  'cimg/postgres': 'postgresql',
  'ghcr.io/cloudnative-pg/postgresql': 'postgresql',
  'quay.io/argoproj/argocd': 'argo-cd',
  'quay.io/prometheus/prometheus': 'prometheus',
  'prom/prometheus': 'prometheus',
  'envoyproxy/gateway': 'envoy-gateway',
  'docker.io/envoyproxy/gateway': 'envoy-gateway',
  'quay.io/jetstack/cert-manager-controller': 'cert-manager',
};

/** Node.js release codenames `.nvmrc` may name (`lts/iron`). */
const NODE_CODENAMES: Record<string, string> = {
  gallium: '16',
  hydrogen: '18',
  iron: '20',
  jod: '22',
  krypton: '24',
};

/** `docker.io/library/node` and `node` are one image. */
function imageProduct(name: string): string | undefined {
  const short = name
    .replace(/^(docker\.io\/|index\.docker\.io\/)/, '')
    .replace(/^library\//, '');
  return IMAGE_PRODUCTS[short];
}

/** `20-alpine` -> `20`, `1.25.5-bookworm` -> `1.25.5`, `v3.1.0` -> `3.1.0`; undefined for `lts`, `latest`. */
function tagVersion(tag: string): string | undefined {
  const match = /^v?(\d+(?:\.\d+)*)(?:[-_].*)?$/.exec(tag);
  return match ? match[1] : undefined;
}

/** Distroless names its Debian base in the image, not the tag: `gcr.io/distroless/static-debian12`. */
const DISTROLESS = /^gcr\.io\/distroless\/[a-z0-9-]+-(debian\d+)$/;

/** The product and version an image reference names, when the lifecycle table can judge it. */
function imageVersion(
  name: string,
  tag: string | undefined,
): { product: string; version: string } | undefined {
  const base = DISTROLESS.exec(name)?.[1];
  if (base) return { product: 'distroless', version: base };
  const product = imageProduct(name);
  const version = tag && tagVersion(tag);
  return product && version ? { product, version } : undefined;
}

type Found = {
  file: string;
  object?: string;
  what: string;
  product: string;
  version: string;
};

function imagesIn(input: RuleInput, found: Found[]) {
  checkContainers(input, {
    include: c => typeof c.container.image === 'string',
    check: ({ container, label }, { object }) => {
      const { name, tag } = parseImage(container.image!);
      const named = imageVersion(name, tag);
      if (named) {
        found.push({
          file: object.file,
          object: `${object.kind}/${object.name}`,
          what: `${label} uses image "${container.image}"`,
          ...named,
        });
      }
      return { ok: true, message: '' };
    },
  });
}

const baseName = (path: string) => posix.basename(path);

function dockerfiles(input: RuleInput, found: Found[]) {
  for (const file of input.files ?? []) {
    const name = baseName(file.path);
    if (!/^Dockerfile(\..+)?$/.test(name) && !/\.dockerfile$/i.test(name))
      continue;
    file.content.split(/\r?\n/).forEach((line, i) => {
      const match = /^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)/i.exec(line);
      if (!match) return;
      const { name: image, tag } = parseImage(match[1]);
      const named = imageVersion(image, tag);
      if (named) {
        found.push({
          file: file.path,
          what: `line ${i + 1}: FROM ${match[1]}`,
          ...named,
        });
      }
    });
  }
}

function goModules(input: RuleInput, found: Found[]) {
  for (const file of input.files ?? []) {
    if (baseName(file.path) !== 'go.mod') continue;
    file.content.split(/\r?\n/).forEach((line, i) => {
      const go = /^\s*go\s+(\d+\.\d+(?:\.\d+)?)\s*$/.exec(line);
      const toolchain = /^\s*toolchain\s+go(\d+\.\d+(?:\.\d+)?)\s*$/.exec(line);
      const m = go ?? toolchain;
      if (m) {
        found.push({
          file: file.path,
          what: `line ${i + 1}: ${line.trim()}`,
          product: 'go',
          version: m[1],
        });
      }
    });
  }
}

/** The lowest major a range admits: `>=20.12` -> 20, `^18 || >=20` -> 18; undefined when unbounded. */
export function lowestMajor(range: string): string | undefined {
  const majors = range.split('||').map(alt => /(\d+)/.exec(alt)?.[1]);
  if (majors.some(m => m === undefined)) return undefined;
  return String(Math.min(...majors.map(Number)));
}

function nodeVersions(input: RuleInput, found: Found[]) {
  for (const file of input.files ?? []) {
    const name = baseName(file.path);
    if (name === 'package.json') {
      let engines: unknown;
      try {
        engines = JSON.parse(file.content)?.engines?.node;
      } catch {
        continue; // not this rule's business: a package.json that does not parse
      }
      if (typeof engines !== 'string') continue;
      const major = lowestMajor(engines);
      if (major) {
        found.push({
          file: file.path,
          what: `engines.node "${engines}" admits Node.js ${major}`,
          product: 'nodejs',
          version: major,
        });
      }
    } else if (name === '.nvmrc' || name === '.node-version') {
      const value = file.content.trim().toLowerCase();
      const codename = /^lts\/(\w+)$/.exec(value)?.[1];
      const version = codename ? NODE_CODENAMES[codename] : tagVersion(value);
      if (version) {
        found.push({
          file: file.path,
          what: `${name} names ${file.content.trim()}`,
          product: 'nodejs',
          version,
        });
      }
    } else if (name === '.tool-versions') {
      file.content.split(/\r?\n/).forEach((line, i) => {
        const [tool, version] = line.replace(/#.*/, '').trim().split(/\s+/);
        const v = version && tagVersion(version);
        if (tool && v) {
          found.push({
            file: file.path,
            what: `line ${i + 1}: ${tool} ${version}`,
            product: tool,
            version: v,
          });
        }
      });
    }
  }
}

function finding(
  found: Found,
  status: VersionStatus,
  table: LifecycleTable,
  today: string,
): RuleFinding {
  const where = {
    file: found.file,
    ...(found.object ? { object: found.object } : {}),
  };
  if (!status.endOfLife) {
    return {
      status: 'pass',
      ...where,
      message: `${found.what}: ${status.title} ${
        status.cycle.cycle
      } is supported${
        typeof status.cycle.eol === 'string' ? ` until ${status.cycle.eol}` : ''
      }`,
    };
  }
  const supported = supportedCycles(table, status.product, today).map(
    c => c.cycle,
  );
  const ended =
    typeof status.cycle.eol === 'string'
      ? `reached end of life on ${status.cycle.eol}`
      : 'is past its end of life';
  return {
    status: 'fail',
    ...where,
    message: `${found.what}: ${status.title} ${status.cycle.cycle} ${ended}${
      supported.length
        ? `; move to a supported release (${supported.join(', ')})`
        : ''
    }`,
  };
}

/**
 * A runtime or image past its end of life gets no security fixes: fail it where it is named
 * (container images, Dockerfile FROM lines, go.mod, package.json engines, .nvmrc,
 * .tool-versions), with the date it ended. Versions the lifecycle table does not know pass by.
 */
export const supportedVersionsRule: GuidanceRule = {
  id: 'supported-versions',
  title: 'Images and runtimes are on supported releases',
  severity: 'error',
  fileKinds: [
    'kubernetes',
    'dockerfile',
    'go-mod',
    'package-json',
    'nvmrc',
    'tool-versions',
  ],
  article: { id: 'golden-paths', section: 'rule-supported-versions' },
  check: input => {
    const table = input.lifecycle?.table ?? SHIPPED_LIFECYCLE;
    const today =
      input.lifecycle?.today ?? new Date().toISOString().slice(0, 10);
    const found: Found[] = [];
    imagesIn(input, found);
    dockerfiles(input, found);
    goModules(input, found);
    nodeVersions(input, found);
    const findings: RuleFinding[] = [];
    for (const f of found) {
      const status = versionStatus(table, f.product, f.version, today);
      if (status) findings.push(finding(f, status, table, today));
    }
    return findings.length
      ? findings
      : [
          {
            status: 'not-applicable',
            message: 'no image or runtime version the lifecycle table knows',
          },
        ];
  },
};
