import { promisify } from 'util';
import { brotliCompress, constants, gzip } from 'zlib';
import type { Request, Response } from 'express';
import { etagMatches } from './etag';
import type { PreparedBody } from './LibraryView';

/** The content codings the article route sends. */
export type ContentCoding = 'br' | 'gzip' | 'identity';

type Representation = { bytes: Buffer; etag: string };

const compress: Record<
  Exclude<ContentCoding, 'identity'>,
  (bytes: Buffer) => Promise<Buffer>
> = {
  // best ratio: done once per body, in libuv's thread pool, so it never holds the event loop
  br: bytes =>
    promisify(brotliCompress)(bytes, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  gzip: bytes =>
    promisify(gzip)(bytes, { level: constants.Z_BEST_COMPRESSION }),
};

/** Codings a client accepts equally, best first: the server chooses (RFC 9110, 12.5.3). */
const SERVER_PREFERENCE = ['br', 'gzip'] as const;

/** Parsed `Accept-Encoding` values; browsers send a handful of distinct ones. */
const codingCache = new Map<string, ContentCoding>();
const CODING_CACHE_SIZE = 100;

function parseAcceptEncoding(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const element of header.split(',')) {
    const [name, ...params] = element.split(';');
    const coding = name.trim().toLowerCase();
    if (!coding) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=').map(p => p.trim());
      if (key.toLowerCase() === 'q') q = Number(value);
    }
    // a malformed weight makes the element unusable, not the header
    if (!Number.isFinite(q) || q < 0 || q > 1) continue;
    weights.set(coding === 'x-gzip' ? 'gzip' : coding, q);
  }
  return weights;
}

function chooseCoding(header: string): ContentCoding {
  const weights = parseAcceptEncoding(header);
  const any = weights.get('*');
  let best: ContentCoding = 'identity';
  let bestQ = 0;
  for (const coding of SERVER_PREFERENCE) {
    const q = weights.get(coding) ?? any ?? 0;
    if (q > bestQ) {
      best = coding;
      bestQ = q;
    }
  }
  // identity is acceptable unless refused; it wins only when asked for more strongly
  const identityQ = weights.get('identity');
  return identityQ !== undefined && identityQ > bestQ ? 'identity' : best;
}

/**
 * The coding to send for an `Accept-Encoding` header: Brotli, then gzip, among those the client
 * weighs highest; identity when it accepts neither (or sends no header).
 */
export function preferredCoding(header: string | undefined): ContentCoding {
  if (!header) return 'identity';
  let coding = codingCache.get(header);
  if (!coding) {
    coding = chooseCoding(header);
    if (codingCache.size >= CODING_CACHE_SIZE) codingCache.clear();
    codingCache.set(header, coding);
  }
  return coding;
}

/**
 * The compressed copies of each prepared body, made on the first request that asks for each
 * coding and kept as long as the body is (the library view's bounded cache holds the body).
 */
type EncodedCopies = {
  ready: Map<ContentCoding, Representation>;
  pending: Map<ContentCoding, Promise<Representation>>;
};
const encodedBodies = new WeakMap<PreparedBody, EncodedCopies>();

/** The ETag of a coding's bytes: a strong validator differs per content coding. */
function etagFor(body: PreparedBody, coding: ContentCoding): string {
  return coding === 'identity'
    ? body.etag
    : `${body.etag.slice(0, -1)}-${coding}"`;
}

function copiesOf(body: PreparedBody): EncodedCopies {
  let copies = encodedBodies.get(body);
  if (!copies) {
    copies = { ready: new Map(), pending: new Map() };
    encodedBodies.set(body, copies);
  }
  return copies;
}

/** The body in a coding, once it has been made; undefined until then. */
function readyRepresentation(
  body: PreparedBody,
  coding: ContentCoding,
): Representation | undefined {
  return coding === 'identity'
    ? body
    : encodedBodies.get(body)?.ready.get(coding);
}

/** Makes the body's copy in a coding, once: requests that arrive meanwhile wait for the same one. */
function makeRepresentation(
  body: PreparedBody,
  coding: Exclude<ContentCoding, 'identity'>,
): Promise<Representation> {
  const { ready, pending } = copiesOf(body);
  let making = pending.get(coding);
  if (!making) {
    making = compress[coding](body.bytes)
      .then(bytes => {
        const made = { bytes, etag: etagFor(body, coding) };
        ready.set(coding, made);
        return made;
      })
      // a failure is not kept: the next request tries again
      .finally(() => pending.delete(coding));
    pending.set(coding, making);
  }
  return making;
}

function send(
  req: Request,
  res: Response,
  coding: ContentCoding,
  { bytes, etag }: Representation,
): void {
  res.vary('Accept-Encoding');
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'no-cache');
  if (etagMatches(req.headers['if-none-match'], etag)) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', bytes.length);
  // set before the body, so the root router's compression leaves it as it is
  if (coding !== 'identity') res.setHeader('Content-Encoding', coding);
  res.status(200).end(bytes);
}

/**
 * Sends an article's prepared body in the coding the client prefers. Nothing is serialised,
 * hashed or compressed per request: the JSON and its ETag are made once per library view, and
 * each compressed copy once, on the first request that accepts it. `If-None-Match` with the
 * ETag of the coding that would be sent answers 304.
 */
export function sendArticleBody(
  req: Request,
  res: Response,
  body: PreparedBody,
): void | Promise<void> {
  const coding = preferredCoding(req.headers['accept-encoding']);
  const ready = readyRepresentation(body, coding);
  if (ready || coding === 'identity') {
    send(req, res, coding, ready ?? body);
    return undefined;
  }
  // a copy that could not be compressed is no reason to fail the request
  return makeRepresentation(body, coding).then(
    made => send(req, res, coding, made),
    () => send(req, res, 'identity', body),
  );
}
