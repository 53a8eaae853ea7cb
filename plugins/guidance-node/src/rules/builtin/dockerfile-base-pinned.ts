import { GuidanceRule, RuleFinding } from '../types';
import { parseImage } from './kubernetes';
import { dockerFinding, dockerfilesOf } from './dockerfiles';

/**
 * A base image without a tag, or `latest`, is whatever was pushed last: the same commit builds a
 * different image next week, and a rebuild to fix one line can bring a new runtime with it.
 */
export const dockerfileBasePinnedRule: GuidanceRule = {
  id: 'dockerfile-base-pinned',
  title: 'Dockerfiles build FROM a versioned base image, not latest',
  severity: 'error',
  fileKinds: ['dockerfile'],
  article: { id: 'golden-paths', section: 'rule-dockerfile-base-pinned' },
  check(input) {
    const findings: RuleFinding[] = [];
    for (const dockerfile of dockerfilesOf(input)) {
      for (const stage of dockerfile.stages) {
        const { from } = stage;
        // an earlier stage, or the empty image, is not pulled from anywhere
        if (from.stage || from.written.toLowerCase() === 'scratch') continue;
        if (from.image === undefined) {
          findings.push(
            dockerFinding(
              'not-applicable',
              dockerfile,
              from,
              `FROM ${from.written} depends on a build argument without a default: give the ARG a default that names a version`,
            ),
          );
          continue;
        }
        const { tag, digest } = parseImage(from.image);
        const shown =
          from.image === from.written
            ? from.written
            : `${from.written} (${from.image})`;
        if (digest || (tag && tag !== 'latest')) {
          findings.push(
            dockerFinding(
              'pass',
              dockerfile,
              from,
              `FROM ${shown} names ${digest ? 'a digest' : `tag ${tag}`}`,
            ),
          );
        } else {
          findings.push(
            dockerFinding(
              'fail',
              dockerfile,
              from,
              `FROM ${shown} ${
                tag ? 'uses latest' : 'has no tag, which means latest'
              }: name a version, and a digest where a bot keeps it current (FROM golang:1.27-trixie@sha256:<digest>)`,
            ),
          );
        }
      }
    }
    return findings;
  },
};
