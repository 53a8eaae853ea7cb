/** Where an article's source lives, as far as opening an issue there needs. */
export type SourceRepository = {
  type: 'github' | 'gitlab';
  /** `https://github.com/owner/repo` or `https://gitlab.example.com/group/sub/project` */
  url: string;
};

/** What an issue about an article (or one of its sections) says. */
export type IssueReport = {
  articleId: string;
  articleTitle: string;
  /** The heading the problem sits under, and the reader's address of it. */
  section?: { text: string; url: string };
  /** The text the reader selected; quoted, and cut to `MAX_QUOTE_CHARS`. */
  quote?: string;
  /** The article's source file, as the issue's last line. */
  editUrl?: string;
};

/** Longest selection quoted in an issue: enough to find the place, short enough for any URL limit. */
export const MAX_QUOTE_CHARS = 500;
const MAX_TITLE_CHARS = 120;

// Owner, group, repository and project names on GitHub and GitLab; anything else is not a source we know.
const PATH_SEGMENT = /^[A-Za-z0-9_.-]+$/;

function hostType(url: URL): SourceRepository['type'] | undefined {
  const host = url.hostname.toLowerCase();
  // GitLab's `/-/` separates the project from what is in it, on any host (self-managed too).
  if (host.includes('gitlab') || url.pathname.includes('/-/')) return 'gitlab';
  if (host.includes('github')) return 'github';
  return undefined;
}

/**
 * The repository an article's `editUrl` points into, when it is on GitHub or GitLab:
 * `https://github.com/acme/guidance/blob/main/a.md` → `https://github.com/acme/guidance`,
 * `https://gitlab.com/acme/docs/guidance/-/blob/main/a.md` → `https://gitlab.com/acme/docs/guidance`.
 */
export function sourceRepository(
  editUrl: string | undefined,
): SourceRepository | undefined {
  if (!editUrl) return undefined;
  let url: URL;
  try {
    url = new URL(editUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password) return undefined;
  const type = hostType(url);
  if (!type) return undefined;
  const separator = url.pathname.indexOf('/-/');
  const projectPath =
    type === 'gitlab' && separator !== -1
      ? url.pathname.slice(0, separator)
      : url.pathname;
  const segments = projectPath.split('/').filter(Boolean);
  // GitLab projects can sit in nested groups, but only the `/-/` form says where the project ends.
  const repo =
    type === 'gitlab' && separator !== -1 ? segments : segments.slice(0, 2);
  if (repo.length < 2 || !repo.every(s => PATH_SEGMENT.test(s))) {
    return undefined;
  }
  return { type, url: `${url.origin}/${repo.join('/')}` };
}

// A lone surrogate (half of an emoji cut in two) makes encodeURIComponent throw.
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` cut to at most `max` characters (whole code points), marked with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const points = Array.from(text.replace(LONE_SURROGATE, '\uFFFD'));
  if (points.length <= max) return points.join('');
  return `${points
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/** The selection as a Markdown block quote: every line quoted, blank lines kept, length bounded. */
export function quoteMarkdown(text: string): string {
  const bounded = truncate(
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    MAX_QUOTE_CHARS,
  );
  return bounded
    .split('\n')
    .map(line => (line.trim() ? `> ${line.trim()}` : '>'))
    .join('\n');
}

/** The issue's title and Markdown body. */
export function issueText(report: IssueReport): {
  title: string;
  body: string;
} {
  const where = report.section
    ? `${report.articleTitle} › ${report.section.text}`
    : report.articleTitle;
  const lines = [
    `**Article:** ${report.articleTitle} (\`${report.articleId}\`)`,
  ];
  if (report.section) {
    const text = report.section.text.replace(/[[\]\\]/g, c => `\\${c}`);
    lines.push(`**Section:** [${text}](<${report.section.url}>)`);
  }
  const quote = report.quote?.trim() ? quoteMarkdown(report.quote) : '';
  if (quote) lines.push('', '**Selected text:**', '', quote);
  lines.push(
    '',
    '**What is wrong:**',
    '',
    '<!-- describe the problem here -->',
  );
  if (report.editUrl) lines.push('', `Source: <${report.editUrl}>`);
  return {
    title: truncate(`Guidance: ${where}`, MAX_TITLE_CHARS),
    body: truncate(lines.join('\n'), 4000),
  };
}

/**
 * The address that opens a new issue about `report` in the repository of `editUrl`, filled
 * in; undefined when the article has no source on GitHub or GitLab. Every value is encoded.
 */
export function issueUrl(
  editUrl: string | undefined,
  report: Omit<IssueReport, 'editUrl'>,
): string | undefined {
  const repository = sourceRepository(editUrl);
  if (!repository) return undefined;
  const { title, body } = issueText({ ...report, editUrl });
  const t = encodeURIComponent(title);
  const b = encodeURIComponent(body);
  return repository.type === 'github'
    ? `${repository.url}/issues/new?title=${t}&body=${b}`
    : `${repository.url}/-/issues/new?issue[title]=${t}&issue[description]=${b}`;
}
