import { defaultSchema } from 'hast-util-sanitize';
import type { Schema } from 'hast-util-sanitize';

type AttributeList = NonNullable<NonNullable<Schema['attributes']>[string]>;

const headingAttributes: AttributeList = ['id'];

/**
 * GitHub's sanitize schema plus what the reader needs: `language-*` classes on code (for
 * highlighting and Mermaid), task-list classes, and ids on headings. Nothing here can carry
 * script: no `style`, no event handlers, no new elements, and URLs keep the default protocols.
 * The backend renders every article through it.
 *
 * @public
 */
export const guidanceSanitizeSchema: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [
      ...(defaultSchema.attributes?.code ?? []),
      ['className', /^language-[\w+#-]+$/],
    ],
    ul: [
      ...(defaultSchema.attributes?.ul ?? []),
      ['className', 'contains-task-list'],
    ],
    ol: [
      ...(defaultSchema.attributes?.ol ?? []),
      ['className', 'contains-task-list'],
    ],
    h1: headingAttributes,
    h2: headingAttributes,
    h3: headingAttributes,
    h4: headingAttributes,
    h5: headingAttributes,
    h6: headingAttributes,
  },
};

const SAFE_SCHEME = /^(?:https?|mailto):/i;
// Browsers ignore ASCII control characters and spaces inside a scheme (`java\tscript:`)
// eslint-disable-next-line no-control-regex
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f]/g;

/**
 * Keeps relative URLs, fragments and http(s)/mailto links; anything else (javascript:,
 * data:, vbscript:, ...) becomes the empty string, which the link renderer drops.
 *
 * @public
 */
export function safeUrl(url: string | undefined | null): string {
  const value = (url ?? '').trim();
  if (!value) {
    return '';
  }
  const compact = value.replace(IGNORED_IN_SCHEME, '');
  const colon = compact.indexOf(':');
  if (colon === -1) {
    return value;
  }
  const pathStart = compact.search(/[/?#]/);
  if (pathStart !== -1 && pathStart < colon) {
    // a colon later in a relative URL, as in `/a/b:c` or `?t=1:2`
    return value;
  }
  return SAFE_SCHEME.test(compact) ? value : '';
}
