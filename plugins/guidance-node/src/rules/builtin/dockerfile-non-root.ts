import { GuidanceRule, RuleFinding } from '../types';
import {
  DockerStage,
  dockerFinding,
  dockerfilesOf,
  expandVariables,
  finalImageStages,
} from './dockerfiles';

/** `root`, `0`, `root:root`, `0:0`: the user part names UID 0. */
const isRoot = (user: string) => /^(root|0)$/i.test(user.split(':')[0].trim());

/**
 * The user the final image runs as is the last `USER` of its final stage, or of the stages it
 * builds on; without one it is the base image's user, which for most images is root. Distroless
 * `:nonroot` images are the exception the templates use.
 */
export const dockerfileNonRootRule: GuidanceRule = {
  id: 'dockerfile-non-root',
  title: 'Dockerfiles run the final image as a non-root user',
  severity: 'error',
  fileKinds: ['dockerfile'],
  article: { id: 'golden-paths', section: 'rule-dockerfile-non-root' },
  check(input) {
    const findings: RuleFinding[] = [];
    for (const dockerfile of dockerfilesOf(input)) {
      const chain = finalImageStages(dockerfile);
      if (chain.length === 0) continue;
      const final = chain[0];
      let user:
        | { stage: DockerStage; args: string; line: number; column: number }
        | undefined;
      for (const stage of chain) {
        const users = stage.instructions.filter(i => i.keyword === 'USER');
        const last = users[users.length - 1];
        if (last) {
          user = {
            stage,
            args: last.args.trim(),
            line: last.line,
            column: last.column,
          };
          break;
        }
      }
      if (!user) {
        const base = chain[chain.length - 1].from;
        const image = base.image ?? base.written;
        findings.push(
          /:[^/@]*nonroot/.test(image)
            ? dockerFinding(
                'pass',
                dockerfile,
                final.from,
                `the final image runs as the non-root user of ${image}`,
              )
            : dockerFinding(
                'fail',
                dockerfile,
                final.from,
                `the final stage (FROM ${final.from.written}) sets no USER, so it runs as ${image}'s user, root for most images: add USER with a numeric non-root UID, e.g. USER 65532:65532`,
              ),
        );
        continue;
      }
      const args = new Map<string, string>();
      for (const i of user.stage.instructions.filter(
        x => x.keyword === 'ARG',
      )) {
        const [name, value] = i.args.split('=');
        if (value !== undefined) args.set(name.trim(), value.trim());
      }
      const value = expandVariables(user.args, args);
      if (value === undefined) {
        findings.push(
          dockerFinding(
            'not-applicable',
            dockerfile,
            user,
            `USER ${user.args} is set by a build argument without a default: the Dockerfile does not say who the image runs as`,
          ),
        );
      } else if (isRoot(value)) {
        findings.push(
          dockerFinding(
            'fail',
            dockerfile,
            user,
            `the final image runs as USER ${user.args} (root): switch to a numeric non-root UID after the steps that need root, e.g. USER 65532:65532`,
          ),
        );
      } else {
        findings.push(
          dockerFinding(
            'pass',
            dockerfile,
            user,
            /^\d+(:\d+)?$/.test(value)
              ? `the final image runs as USER ${value}`
              : `the final image runs as USER ${value}; a numeric UID lets Kubernetes verify runAsNonRoot`,
          ),
        );
      }
    }
    return findings;
  },
};
