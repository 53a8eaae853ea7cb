import DOMPurify from 'dompurify';

// The second wall: the backend already sanitized this HTML with GitHub's schema. DOMPurify
// drops scripts, event handlers, javascript:/data: URLs, <style>, forms and `name`
// attributes again, so a compromised or spoofed response still runs nothing. Ids stay: they
// are heading slugs the backend gave (or `user-content-` prefixed), and without `name`
// attributes nothing can shadow `document` properties.
const CONFIG = {
  FORBID_TAGS: ['style', 'form', 'iframe', 'object', 'embed', 'base', 'meta'],
  FORBID_ATTR: ['style', 'name', 'action', 'formaction', 'srcset'],
  ALLOW_DATA_ATTR: true,
  SANITIZE_DOM: false,
  RETURN_TRUSTED_TYPE: false,
};

/** Sanitizes article HTML in the browser before it is inserted. */
export function sanitizeArticleHtml(html: string): string {
  return DOMPurify.sanitize(html, CONFIG) as unknown as string;
}
