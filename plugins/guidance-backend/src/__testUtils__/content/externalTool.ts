import { spawnSync } from 'child_process';

/**
 * Returns the tool's version output; fails loudly when a command-line tool the content checks need is missing: a check
 * that silently passes without its tool would hide exactly the errors it exists for.
 */
export function requireTool(
  command: string,
  args: string[],
  install: string,
): string {
  const run = spawnSync(command, args, { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new Error(
      `${command} is required by the content tests but ${
        run.error ? 'was not found' : `failed (${run.stderr.trim()})`
      }. Install it with: ${install} (.ci/run does this).`,
    );
  }
  return `${run.stdout}${run.stderr}`.trim();
}
