import { readFile } from 'fs/promises';
import { dirname, join } from 'path';
import {
  BackstageCredentials,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  parseLocationRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  parseTemplateChangelog,
  TEMPLATE_VERSION_ANNOTATION,
  TemplateChangelogEntry,
} from '@paved-road/plugin-guidance-common';

/** What `GET /templates/:name/versions` answers. */
export type TemplateVersions = {
  templateRef: string;
  title?: string;
  /** The version the catalog's Template carries; undefined when it is not versioned. */
  version?: number;
  /** CHANGELOG.md entries, newest first (only those after `since` when given). */
  changelog: TemplateChangelogEntry[];
};

/**
 * Reads the CHANGELOG.md next to the Template's template.yaml: from disk for `file:`
 * locations (the catalog told us where), through the URL reader for `url:` ones.
 */
async function readChangelog(
  template: Entity,
  urlReader: UrlReaderService,
): Promise<string | undefined> {
  const annotations = template.metadata.annotations ?? {};
  const location =
    annotations[ANNOTATION_LOCATION] ?? annotations[ANNOTATION_SOURCE_LOCATION];
  if (!location) return undefined;
  const { type, target } = parseLocationRef(location);
  if (type === 'file') {
    const folder = /\.ya?ml$/.test(target) ? dirname(target) : target;
    const file = join(folder, 'CHANGELOG.md');
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
  if (type !== 'url') return undefined;
  try {
    const response = await urlReader.readUrl(
      new URL('CHANGELOG.md', target).toString(),
    );
    return (await response.buffer()).toString('utf8');
  } catch (error) {
    if ((error as Error).name === 'NotFoundError') return undefined;
    throw error;
  }
}

export async function readTemplateVersions(options: {
  catalog: CatalogService;
  urlReader: UrlReaderService;
  credentials: BackstageCredentials;
  namespace: string;
  name: string;
  since?: number;
}): Promise<TemplateVersions> {
  const templateRef = stringifyEntityRef({
    kind: 'Template',
    namespace: options.namespace,
    name: options.name,
  });
  const template = await options.catalog.getEntityByRef(templateRef, {
    credentials: options.credentials,
  });
  if (!template)
    throw new NotFoundError(`No template ${templateRef} in the catalog`);
  const raw = template.metadata.annotations?.[TEMPLATE_VERSION_ANNOTATION];
  const version = raw && /^[1-9]\d*$/.test(raw) ? Number(raw) : undefined;
  const markdown = await readChangelog(template, options.urlReader);
  const changelog = markdown ? parseTemplateChangelog(markdown) : [];
  // A version that went backwards is an error, never "current": services on the higher
  // version would otherwise be told they are up to date.
  const newestEntry = Math.max(0, ...changelog.map(entry => entry.version));
  if (version !== undefined && newestEntry > version) {
    throw new ConflictError(
      `${templateRef} went backwards: it says v${version}, but its CHANGELOG.md already has v${newestEntry}. A template version is never lowered; release v${
        newestEntry + 1
      }`,
    );
  }
  if (
    version !== undefined &&
    options.since !== undefined &&
    options.since > version
  ) {
    throw new ConflictError(
      `${templateRef} went backwards: it is at v${version}, but this service was created from or upgraded to v${
        options.since
      }. A template version is never lowered; restore v${
        options.since
      } or release v${options.since + 1}`,
    );
  }
  return {
    templateRef,
    title: template.metadata.title,
    version,
    changelog:
      options.since === undefined
        ? changelog
        : changelog.filter(entry => entry.version > options.since!),
  };
}
