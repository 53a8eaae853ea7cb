/**
 * Scrolls a heading of the article into view and, when asked, records it in the URL
 * without a router navigation (so the article does not re-render) — the address stays
 * shareable as `/guidance/<id>#<heading>`.
 */
/** The last heading jumped to, so content drawn late can bring the reader back to it. */
let lastJump: { id: string; at: number } | undefined;

/** The heading jumped to within the last `withinMs`, if any. */
export function recentJumpTarget(withinMs = 3000): string | undefined {
  return lastJump && Date.now() - lastJump.at < withinMs
    ? lastJump.id
    : undefined;
}

export function jumpToHeading(
  id: string,
  options: { smooth?: boolean; updateUrl?: boolean; focus?: boolean } = {},
): boolean {
  const target = document.getElementById(id);
  if (!target) {
    return false;
  }
  lastJump = { id, at: Date.now() };
  const reduceMotion = window.matchMedia?.(
    '(prefers-reduced-motion: reduce)',
  ).matches;
  // jsdom has no scrollIntoView
  target.scrollIntoView?.({
    behavior: options.smooth && !reduceMotion ? 'smooth' : 'auto',
    block: 'start',
  });
  if (options.focus) {
    // moves keyboard and screen-reader position to the section, not only the viewport
    if (!target.hasAttribute('tabindex')) {
      target.setAttribute('tabindex', '-1');
    }
    target.focus({ preventScroll: true });
  }
  if (options.updateUrl) {
    window.history.replaceState(
      window.history.state,
      '',
      `#${encodeURIComponent(id)}`,
    );
  }
  return true;
}

/** The heading id named by a location hash (`#a%20b` → `a b`), or undefined. */
export function headingIdFromHash(hash: string): string | undefined {
  if (!hash || hash === '#') {
    return undefined;
  }
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return hash.replace(/^#/, '');
  }
}
