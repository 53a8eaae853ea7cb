import { createHash } from 'crypto';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

/** How many words in a row make a copied run. */
export const RUN_WORDS = 10;

/** Lower-case words, apostrophes kept and made one kind, punctuation dropped. */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’']/g, "'")
      .match(/[a-z0-9']+/g) ?? []
  );
}

/** Every run of RUN_WORDS words, as it is compared. */
export function runsOf(text: string): string[] {
  const w = words(text);
  const runs: string[] = [];
  for (let i = 0; i + RUN_WORDS <= w.length; i++) {
    runs.push(w.slice(i, i + RUN_WORDS).join(' '));
  }
  return runs;
}

/**
 * A run's fingerprint: the first 16 hex digits of its SHA-256. The repository keeps the
 * fingerprints of the seeds' runs, never their text, so the copy check runs where the seeds are
 * not (a clone outside the project's workspace) without the seeds being copied into it.
 */
export function fingerprint(run: string): string {
  return createHash('sha256').update(run).digest('hex').slice(0, 16);
}

/** The sorted fingerprints of every run in the seed files of a folder. */
export function seedFingerprints(seedsDir: string): string[] {
  const all = new Set<string>();
  for (const f of readdirSync(seedsDir).sort()) {
    for (const run of runsOf(readFileSync(join(seedsDir, f), 'utf8'))) {
      all.add(fingerprint(run));
    }
  }
  return [...all].sort();
}

/** The runs of a text whose fingerprints are in the set: what was copied. */
export function copiedRuns(text: string, fingerprints: Set<string>): string[] {
  return runsOf(text).filter(run => fingerprints.has(fingerprint(run)));
}
