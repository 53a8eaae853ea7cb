/** Builds an article file for tests; every field can be overridden. */
export function articleFixture(options: {
  id?: string;
  title: string;
  summary?: string;
  category?: string;
  tags?: string[];
  related?: string[];
  appliesTo?: Record<string, string[]>;
  body?: string;
  reviewed?: string;
  verifiedAgainst?: Record<string, string>;
}): string {
  const fm = {
    ...(options.id ? { id: options.id } : {}),
    title: options.title,
    summary:
      options.summary ?? `An article about ${options.title.toLowerCase()}.`,
    category: options.category ?? 'sre',
    tags: options.tags ?? [],
    related: options.related ?? [],
    appliesTo: options.appliesTo ?? {},
    updated: '2026-11-01',
    ...(options.reviewed ? { reviewed: options.reviewed } : {}),
    ...(options.verifiedAgainst
      ? { verifiedAgainst: options.verifiedAgainst }
      : {}),
  };
  return `---\n${Object.entries(fm)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n')}\n---\n${
    options.body ?? 'Some text.\n\n## First section\n\nMore text.\n'
  }`;
}
