import { resolve } from 'path';
import fs from 'fs-extra';
import YAML from 'yaml';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The catalog module is what brings published repositories into the catalog; the fake runs it.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { LocalRepositoriesProvider } from '@paved-road/plugin-catalog-backend-module-guidance';

/**
 * The catalog with @paved-road/plugin-catalog-backend-module-guidance installed, as far as
 * guidance:publish:local and the upgrade see it: the real LocalRepositoriesProvider lists the Git
 * repositories under `guidance.publishLocal.root` (when `guidance.publishLocal.enabled`),
 * and each Location it applies is processed the way the catalog processes a `file` location:
 * the Location entity and every entity in its catalog-info.yaml are stored, with the
 * location annotations the catalog sets. An entity whose ref is already held from another
 * location is not taken (the catalog keeps the first and reports a conflict). Unlike the
 * real catalog the fake looks on every request instead of every 5 s.
 */
class LocalRepositoriesCatalog {
  private locations: Entity[] = [];
  private connected?: Promise<void>;
  /** `file:<target>` of every location whose entities this fake stored. */
  private readonly stored = new Set<string>();

  constructor(
    private readonly entities: Entity[],
    private readonly provider: LocalRepositoriesProvider,
  ) {}

  /** Runs the provider once, then processes what it applied. */
  async sync() {
    this.connected ??= this.provider.connect({
      applyMutation: async mutation => {
        if (mutation.type === 'full') {
          this.locations = mutation.entities.map(e => e.entity);
        }
      },
      refresh: async () => {},
    });
    await this.connected;
    await this.provider.refresh();

    const current = new Set<string>();
    for (const location of this.locations) {
      const target: string = (location.spec as { target: string }).target;
      const ref = `file:${target}`;
      current.add(ref);
      this.store(location);
      for (const entity of await this.read(target)) {
        entity.metadata.annotations = {
          ...entity.metadata.annotations,
          [ANNOTATION_LOCATION]: ref,
          [ANNOTATION_ORIGIN_LOCATION]:
            location.metadata.annotations![ANNOTATION_ORIGIN_LOCATION],
        };
        this.store(entity);
      }
    }
    // a repository that is gone takes its entities with it
    for (const ref of this.stored) {
      if (current.has(ref)) continue;
      for (let i = this.entities.length - 1; i >= 0; i--) {
        const annotations = this.entities[i].metadata.annotations ?? {};
        if (
          annotations[ANNOTATION_LOCATION] === ref ||
          annotations[ANNOTATION_ORIGIN_LOCATION] === ref
        ) {
          this.entities.splice(i, 1);
        }
      }
      this.stored.delete(ref);
    }
  }

  private async read(target: string): Promise<Entity[]> {
    const text = await fs.readFile(target, 'utf8').catch(() => '');
    return YAML.parseAllDocuments(text)
      .filter(doc => doc.errors.length === 0)
      .map(doc => doc.toJS() as Entity)
      .filter(
        e =>
          typeof e?.kind === 'string' && typeof e.metadata?.name === 'string',
      )
      .map(e => ({
        ...e,
        metadata: {
          ...e.metadata,
          namespace: e.metadata.namespace ?? 'default',
        },
      }));
  }

  private store(entity: Entity) {
    const location = entity.metadata.annotations![ANNOTATION_LOCATION];
    const index = this.entities.findIndex(
      e => stringifyEntityRef(e) === stringifyEntityRef(entity),
    );
    if (index < 0) {
      this.entities.push(entity);
    } else if (
      this.entities[index].metadata.annotations?.[ANNOTATION_LOCATION] ===
      location
    ) {
      this.entities.splice(index, 1, entity);
    } else {
      return; // another location's entity of that name stays
    }
    this.stored.add(entity.metadata.annotations![ANNOTATION_ORIGIN_LOCATION]);
  }
}

function localRepositories(config: Config, entities: Entity[]) {
  if (!config.getOptionalBoolean('guidance.publishLocal.enabled')) {
    return undefined;
  }
  return new LocalRepositoriesCatalog(
    entities,
    new LocalRepositoriesProvider({
      root: resolve(
        config.getOptionalString('guidance.publishLocal.root') ??
          './local-repos',
      ),
      logger: mockServices.logger.mock(),
    }),
  );
}

/**
 * A catalog for tests whose entities can change while the backend runs (a template gets
 * bumped), and which finds the repositories guidance:publish:local writes like the guidance catalog
 * module does (see {@link LocalRepositoriesCatalog}). Its locations API is closed to `file`
 * targets, as in a production catalog.
 */
export function liveCatalog(entities: Entity[]) {
  return createServiceFactory({
    service: catalogServiceRef,
    deps: { config: coreServices.rootConfig },
    factory: ({ config }) => {
      const repositories = localRepositories(config, entities);
      const sync = async () => repositories?.sync();
      return new Proxy({} as CatalogService, {
        get(_target, property) {
          if (property === 'addLocation') {
            return async (location: { type?: string; target: string }) => {
              if ((location.type ?? 'url') !== 'url') {
                throw new InputError(
                  'Registered locations must be of an allowed type ["url"]',
                );
              }
              return catalogServiceMock({ entities }).addLocation(location);
            };
          }
          const value = (catalogServiceMock({ entities }) as any)[property];
          if (typeof value !== 'function') return value;
          // each call sees the entities as they are after the provider looked again
          if (value.constructor.name === 'AsyncGeneratorFunction') {
            return async function* stream(...args: unknown[]) {
              await sync();
              yield* catalogServiceMock({ entities })[
                property as 'streamEntities'
              ](...(args as []));
            };
          }
          return async (...args: unknown[]) => {
            await sync();
            const current = catalogServiceMock({ entities }) as any;
            return current[property](...args);
          };
        },
      });
    },
  });
}

/** A template folder as the catalog would hold it when registered from a file location. */
export async function templateEntityFromFile(file: string): Promise<Entity> {
  const entity: Entity = YAML.parse(await fs.readFile(file, 'utf8'));
  entity.metadata.namespace ??= 'default';
  entity.metadata.annotations = {
    ...entity.metadata.annotations,
    [ANNOTATION_LOCATION]: `file:${file}`,
    [ANNOTATION_ORIGIN_LOCATION]: `file:${file}`,
  };
  return entity;
}
