// Records the content hash of each template's current version in templates/versions.json.
// Run after bumping paved-road.dev/template-version: `npm run templates:hash`.
// `--rerecord <name>` overwrites a version's hash; only for a version no service was created from.
import { resolve } from 'path';
import { recordTemplateHashes } from '../plugins/scaffolder-backend-module-guidance/src/templateHashes';

async function main() {
  const args = process.argv.slice(2);
  const rerecord = args.flatMap((arg, i) =>
    arg === '--rerecord' && args[i + 1] ? [args[i + 1]] : [],
  );
  const root = resolve(__dirname, '..');
  const { recorded, refused } = await recordTemplateHashes({
    templatesRoot: resolve(root, 'templates'),
    fragmentsRoot: resolve(
      root,
      'plugins/scaffolder-backend-module-guidance/fragments',
    ),
    rerecord,
  });
  for (const line of recorded) console.log(`recorded ${line}`);
  for (const line of refused) console.error(`refused ${line}`);
  if (recorded.length === 0 && refused.length === 0) {
    console.log('every template version is already recorded');
  }
  process.exitCode = refused.length > 0 ? 1 : 0;
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
