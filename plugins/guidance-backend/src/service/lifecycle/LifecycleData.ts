import { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotFoundError, NotModifiedError } from '@backstage/errors';
import { HumanDuration } from '@backstage/types';
import { readDurationFromConfig } from '@backstage/config';
import {
  LifecycleCycle,
  LifecycleTable,
  SHIPPED_LIFECYCLE,
  lifecycleProductId,
  mergeLifecycleCycles,
} from '@paved-road/plugin-guidance-common';
import { z } from 'zod';
import { utcDay } from '../provenance';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** An endoflife.date product answer is a few kilobytes; anything far larger is not one. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

/** One cycle as endoflife.date's API (`GET /api/<product>.json`) returns it; other fields are ignored. */
const apiCycleSchema = z.object({
  cycle: z.union([z.string(), z.number()]).transform(String),
  releaseDate: z.string().regex(DATE).optional(),
  eol: z.union([z.boolean(), z.string().regex(DATE)]),
  latest: z.union([z.string(), z.number()]).transform(String).optional(),
});
const apiProductSchema = z.array(apiCycleSchema).min(1);

/** Reads an endoflife.date product answer; throws with the first problem for anything else. */
export function parseEndOfLifeProduct(
  product: string,
  body: unknown,
): LifecycleCycle[] {
  const parsed = apiProductSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `not an endoflife.date product answer: ${
        issue.path.join('.') || 'body'
      }: ${issue.message}`,
    );
  }
  return parsed.data.map(c => ({
    product,
    cycle: c.cycle,
    ...(c.releaseDate ? { releaseDate: c.releaseDate } : {}),
    eol: c.eol,
    ...(c.latest ? { latest: c.latest } : {}),
  }));
}

/** `guidance.lifecycle` as the plugin uses it. */
export type LifecycleSettings = {
  url?: string;
  frequency: HumanDuration;
  products: LifecycleCycle[];
};

/** Reads and checks `guidance.lifecycle`; a bad entry stops the backend with its path and value. */
export function readLifecycleConfig(config: Config): LifecycleSettings {
  const lifecycle = config.getOptionalConfig('guidance.lifecycle');
  const url = lifecycle?.getOptionalString('url');
  if (url !== undefined && !/^https?:\/\//.test(url)) {
    throw new Error(
      `guidance.lifecycle.url must be an http(s) URL, e.g. https://endoflife.date/api; got "${url}"`,
    );
  }
  const products = (lifecycle?.getOptionalConfigArray('products') ?? []).map(
    (entry, n) => {
      const at = `guidance.lifecycle.products[${n}]`;
      const product = lifecycleProductId(entry.getString('product'));
      const cycle = String(entry.get('cycle'));
      const eol = entry.get('eol');
      if (
        typeof eol !== 'boolean' &&
        !(typeof eol === 'string' && DATE.test(eol))
      ) {
        throw new Error(
          `${at}.eol must be a date (YYYY-MM-DD), true or false; got ${JSON.stringify(
            eol,
          )}`,
        );
      }
      const releaseDate = entry.getOptionalString('releaseDate');
      if (releaseDate !== undefined && !DATE.test(releaseDate)) {
        throw new Error(
          `${at}.releaseDate must be a date (YYYY-MM-DD); got "${releaseDate}"`,
        );
      }
      const latest = entry.getOptional('latest');
      return {
        product,
        cycle,
        ...(releaseDate ? { releaseDate } : {}),
        eol,
        ...(latest !== undefined ? { latest: String(latest) } : {}),
      };
    },
  );
  return {
    ...(url ? { url: url.replace(/\/+$/, '') } : {}),
    frequency: lifecycle?.has('frequency')
      ? readDurationFromConfig(lifecycle.getConfig('frequency'))
      : { hours: 24 },
    products,
  };
}

/**
 * The release cycles the portal judges versions by: the shipped table, then what the last
 * refresh read from `guidance.lifecycle.url` (per product, replacing the shipped rows), then
 * `guidance.lifecycle.products` (the operator's word wins). A product the URL cannot answer
 * keeps what it had; `table` is a new object only when something changed.
 */
export class LifecycleData {
  private current: LifecycleTable;
  private readonly fetched = new Map<
    string,
    { cycles: LifecycleCycle[]; etag?: string }
  >();
  private refreshedOn?: string;

  constructor(
    private readonly options: {
      settings: LifecycleSettings;
      urlReader?: UrlReaderService;
      logger: LoggerService;
      shipped?: LifecycleTable;
      now?: () => Date;
    },
  ) {
    this.current = this.assemble();
  }

  get table(): LifecycleTable {
    return this.current;
  }

  /** The products a refresh asks the URL about: every product the table knows. */
  get products(): string[] {
    const shipped = this.options.shipped ?? SHIPPED_LIFECYCLE;
    return [
      ...new Set([
        ...shipped.cycles.map(c => c.product),
        ...this.options.settings.products.map(c => c.product),
      ]),
    ].sort();
  }

  /** Reads every product from the URL once; never throws (a failure is logged, the old rows kept). */
  async refresh(): Promise<void> {
    const { url } = this.options.settings;
    const { urlReader, logger } = this.options;
    if (!url || !urlReader) return;
    let changed = 0;
    const failed: string[] = [];
    for (const product of this.products) {
      const target = `${url}/${encodeURIComponent(product)}.json`;
      const previous = this.fetched.get(product);
      try {
        const response = await urlReader.readUrl(target, {
          etag: previous?.etag,
        });
        const buffer = await response.buffer();
        if (buffer.length > MAX_RESPONSE_BYTES) {
          throw new Error(`answer of ${buffer.length} bytes is too large`);
        }
        const cycles = parseEndOfLifeProduct(
          product,
          JSON.parse(buffer.toString('utf8')),
        );
        this.fetched.set(product, { cycles, etag: response.etag });
        changed++;
      } catch (e) {
        if (e instanceof NotModifiedError) continue;
        // a product the source does not list (404) keeps the shipped rows quietly
        if (e instanceof NotFoundError) continue;
        failed.push(`${product}: ${e instanceof Error ? e.message : e}`);
      }
    }
    if (failed.length > 0) {
      logger.warn(
        `Lifecycle data from ${url}: ${
          failed.length
        } product(s) could not be read, keeping what they had: ${failed.join(
          '; ',
        )}`,
      );
    }
    if (changed > 0) {
      this.refreshedOn = utcDay((this.options.now ?? (() => new Date()))());
      this.current = this.assemble();
      logger.info(
        `Lifecycle data refreshed from ${url}: ${changed} product(s)`,
      );
    }
  }

  private assemble(): LifecycleTable {
    const shipped = this.options.shipped ?? SHIPPED_LIFECYCLE;
    const { settings } = this.options;
    const fetchedProducts = new Set(this.fetched.keys());
    const sources = { ...shipped.sources };
    for (const product of fetchedProducts) {
      sources[
        product
      ] = `${settings.url}/${product}.json (${this.refreshedOn})`;
    }
    for (const { product } of settings.products) {
      sources[product] = sources[product]
        ? `${sources[product]}; guidance.lifecycle.products`
        : 'guidance.lifecycle.products';
    }
    return {
      asOf: this.refreshedOn ?? shipped.asOf,
      sources,
      cycles: mergeLifecycleCycles(
        // a product read from the URL is replaced whole: the source knows its history
        shipped.cycles.filter(c => !fetchedProducts.has(c.product)),
        ...[...this.fetched.values()].map(f => f.cycles),
        settings.products,
      ),
    };
  }
}
