/**
 * `paved-road`: the Paved Road guidance rules on a repository, for pull requests and CI.
 *
 * @packageDocumentation
 */
import { runCli } from './run';
import { version } from '../package.json';

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  now: () => new Date(),
  version,
}).then(code => {
  process.exitCode = code;
});
