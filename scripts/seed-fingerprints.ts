// Writes the fingerprints of the seed material's ten-word runs (never their text) that the
// articles' copy check compares against: run after the seeds change.
//   node -r sucrase/register/ts scripts/seed-fingerprints.ts [seeds folder]
import { writeFileSync } from 'fs';
import { resolve } from 'path';
import { seedFingerprints } from '../plugins/guidance-backend/src/__testUtils__/content/seedRuns';

const seeds = resolve(
  process.argv[2] ?? resolve(__dirname, '../../shared/seeds'),
);
const out = resolve(
  __dirname,
  '../plugins/guidance-backend/src/__testUtils__/content/seedFingerprints.json',
);
const fingerprints = seedFingerprints(seeds);
writeFileSync(out, `${JSON.stringify(fingerprints)}\n`);
console.log(
  `${fingerprints.length} fingerprints from ${seeds} written to ${out}`,
);
