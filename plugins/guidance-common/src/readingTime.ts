/**
 * Reading time at 200 words a minute for prose; code is read more slowly but skimmed, so it counts half.
 *
 * @public
 */
export function readingTimeMinutes(markdown: string): number {
  let prose = 0;
  let code = 0;
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    // a whole-line HTML comment (an author's search keywords) is never shown, so never read
    if (!inFence && /^\s*<!--.*-->\s*$/.test(line)) continue;
    const n = line.split(/\s+/).filter(Boolean).length;
    if (inFence) code += n;
    else prose += n;
  }
  return Math.max(1, Math.round((prose + code / 2) / 200));
}
