import { createHash } from 'crypto';
import type { Request, Response } from 'express';

/** A strong ETag derived from the bytes only: every replica answers the same one. */
export function etagOf(content: string): string {
  return `"${createHash('sha1').update(content).digest('base64url')}"`;
}

/** Whether an `If-None-Match` header names this ETag (or `*`). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  return Boolean(
    header &&
      header.split(',').some(t => t.trim() === etag || t.trim() === '*'),
  );
}

/**
 * Answers 304 when the client's copy is current, else sends: readers revalidate on every
 * visit (`no-cache`) and get the body only when it changed.
 */
export function sendWithEtag(
  req: Request,
  res: Response,
  etag: string,
  send: () => void,
): void {
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'no-cache');
  if (etagMatches(req.headers['if-none-match'], etag)) {
    res.status(304).end();
    return;
  }
  send();
}
