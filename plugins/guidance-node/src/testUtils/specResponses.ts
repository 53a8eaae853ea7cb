import { IncomingMessage, Server, ServerResponse } from 'http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'zlib';
import Ajv, { ValidateFunction } from 'ajv';
import { undeclaredFields } from './undeclaredFields';

type Operation = {
  responses: Record<
    string,
    | { $ref: string }
    | { content?: Record<string, { schema: object }>; description: string }
  >;
};
/**
 * An OpenAPI 3 document as far as {@link specResponseRecorder} reads it: the generated
 * `spec` constant of a package's `openapi.generated.ts` is one.
 *
 * @public
 */
export type SpecResponseDocument = {
  paths: Record<string, Record<string, unknown>>;
  components?: {
    responses?: Record<string, unknown>;
    schemas?: Record<string, unknown>;
  };
};

/**
 * Options of {@link specResponseRecorder}.
 *
 * @public
 */
export type SpecResponseRecorderOptions = {
  /**
   * Also report fields of a JSON body that its schema does not name (for schemas that list
   * their properties), although the schema allows them.
   */
  reportUndeclaredFields?: boolean;
};

/**
 * What {@link specResponseRecorder} returns: watches a test server and keeps what broke the
 * spec.
 *
 * @public
 */
export interface SpecResponseRecorder {
  /** Watch the answers of this server (before its own handlers see a request). */
  watch<TServer extends Server>(server: TServer): TServer;
  /** What broke the spec since the last call (and forgets it). */
  takeViolations(): string[];
  /** For `afterEach`: fails the test that got an answer breaking the spec. */
  throwIfViolated(): void;
  /** For `afterAll`: fails a file whose requests never reached the spec's paths. */
  throwIfNothingChecked(): void;
  /** How many answers on the spec's paths were checked so far. */
  readonly checked: number;
}

const decode = (body: Buffer, encoding: string | undefined) => {
  if (encoding === 'gzip') return gunzipSync(body);
  if (encoding === 'deflate') return inflateSync(body);
  if (encoding === 'br') return brotliDecompressSync(body);
  return body;
};

/** Calls `onAnswer` with each answer of the server, its body decoded. */
function watchAnswers(
  server: Server,
  onAnswer: (method: string, url: string, status: number, body: Buffer) => void,
) {
  server.prependListener(
    'request',
    (req: IncomingMessage, res: ServerResponse) => {
      // routing rewrites req.url on the way in: keep the one that arrived
      const { method = 'GET', url = '/' } = req;
      const chunks: Buffer[] = [];
      const collect = (chunk: unknown, encoding?: unknown) => {
        if (
          chunk === undefined ||
          chunk === null ||
          typeof chunk === 'function'
        )
          return;
        chunks.push(
          Buffer.isBuffer(chunk)
            ? chunk
            : Buffer.from(
                chunk as string,
                typeof encoding === 'string'
                  ? (encoding as BufferEncoding)
                  : 'utf8',
              ),
        );
      };
      const write = res.write;
      const end = res.end;
      res.write = function patchedWrite(this: ServerResponse, ...args: any[]) {
        collect(args[0], args[1]);
        return (write as any).apply(this, args);
      } as typeof res.write;
      res.end = function patchedEnd(this: ServerResponse, ...args: any[]) {
        collect(args[0], args[1]);
        return (end as any).apply(this, args);
      } as typeof res.end;
      res.on('finish', () => {
        const encoding = res.getHeader('content-encoding');
        onAnswer(
          method,
          url,
          res.statusCode,
          decode(
            Buffer.concat(chunks),
            typeof encoding === 'string' ? encoding : undefined,
          ),
        );
      });
    },
  );
}

/**
 * Checks every answer a test server gives on a path of the spec against the spec: the status
 * must be documented for the operation and the JSON body must match its schema. Answers on
 * other paths (other routers of the same plugin) are not looked at.
 *
 * @param spec - the document, for example the generated `spec` of `openapi.generated.ts`
 * @param basePath - where the router is mounted in the test server (`/api/guidance`)
 * @param options - what else to report
 * @public
 */
export function specResponseRecorder(
  spec: SpecResponseDocument,
  basePath: string,
  options: SpecResponseRecorderOptions = {},
): SpecResponseRecorder {
  // the whole document is one schema, so `#/components/...` references resolve inside it
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema(JSON.parse(JSON.stringify(spec)), 'spec');
  const compiled = new Map<string, ValidateFunction>();
  const templates = Object.keys(spec.paths).map(path => ({
    path,
    pattern: new RegExp(
      `^${basePath}${path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`,
    ),
  }));
  const violations: string[] = [];
  let checked = 0;

  const pointer = (...parts: string[]) =>
    parts.map(p => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

  const check = (method: string, url: string, status: number, body: Buffer) => {
    const pathname = url.split('?')[0];
    const template = templates.find(t => t.pattern.test(pathname));
    const operation = template
      ? (spec.paths[template.path][method.toLowerCase()] as Operation)
      : undefined;
    if (!template || !operation) return;
    checked += 1;
    const what = `${method} ${url} → ${status}`;
    let responseKey = String(status);
    let response =
      operation.responses[responseKey] ?? operation.responses.default;
    if (!response) {
      violations.push(`${what}: status not documented`);
      return;
    }
    let at = pointer('paths', template.path, method.toLowerCase(), 'responses');
    if (!operation.responses[responseKey]) responseKey = 'default';
    at = `${at}/${pointer(responseKey)}`;
    if ('$ref' in response) {
      at = response.$ref.slice(2);
      response = spec.components!.responses![
        response.$ref.split('/').pop()!
      ] as Exclude<typeof response, { $ref: string }>;
    }
    const content = response.content?.['application/json'];
    if (!content) {
      if (body.length)
        violations.push(`${what}: a body where none is documented`);
      return;
    }
    const ref = `spec#/${at}/content/${pointer('application/json')}/schema`;
    let validate = compiled.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      compiled.set(ref, validate);
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      violations.push(`${what}: not JSON`);
      return;
    }
    if (!validate(json)) {
      violations.push(`${what}: ${ajv.errorsText(validate.errors)}`);
    } else if (options.reportUndeclaredFields) {
      for (const field of undeclaredFields(json, content.schema, spec)) {
        violations.push(`${what}: ${field} is not in the spec`);
      }
    }
  };

  return {
    watch<TServer extends Server>(server: TServer): TServer {
      watchAnswers(server, check);
      return server;
    },
    takeViolations() {
      return violations.splice(0);
    },
    throwIfViolated() {
      const found = violations.splice(0);
      if (found.length) {
        throw new Error(
          `Answers that break openapi.yaml:\n${found.join('\n')}`,
        );
      }
    },
    throwIfNothingChecked() {
      if (!checked)
        throw new Error('No answer on a path of openapi.yaml was checked');
    },
    get checked() {
      return checked;
    },
  };
}
