import { GuidanceRule, RuleFinding } from '../types';
import { Arg, Env, Property } from 'dockerfile-ast';
import { DockerInstruction, dockerFinding, dockerfilesOf } from './dockerfiles';
import { isSecretName } from './secretNames';

/**
 * `ENV` values are stored in the image's configuration, and `ARG` values in its build history
 * wherever a `RUN` used them: anyone who can pull the image can read them. Build-time secrets
 * belong in secret mounts (`RUN --mount=type=secret`), run-time ones in the platform.
 */
export const dockerfileSecretsRule: GuidanceRule = {
  id: 'dockerfile-secrets',
  title: 'Dockerfiles pass no secrets through ENV or ARG',
  severity: 'error',
  fileKinds: ['dockerfile'],
  article: {
    id: 'secret-management-patterns',
    section: 'rule-dockerfile-secrets',
  },
  check(input) {
    const findings: RuleFinding[] = [];
    for (const dockerfile of dockerfilesOf(input)) {
      const before = findings.length;
      for (const stage of dockerfile.stages) {
        for (const instruction of stage.instructions) {
          if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG')
            continue;
          for (const { name, value, at } of propertiesOf(instruction)) {
            if (!isSecretName(name)) continue;
            const what =
              instruction.keyword === 'ENV'
                ? `ENV ${name} stores ${
                    value ? 'its value' : 'a value'
                  } in the image configuration, readable by anyone who can pull the image`
                : `ARG ${name}${
                    value ? ' has a default written in the Dockerfile and' : ''
                  } ends up in the image history of every RUN that uses it`;
            findings.push(
              dockerFinding(
                'fail',
                dockerfile,
                at,
                `${what}: pass it with RUN --mount=type=secret,id=${name.toLowerCase()},env=${name} at build time, or from a Secret at run time`,
              ),
            );
          }
        }
      }
      if (findings.length === before && dockerfile.stages.length > 0) {
        findings.push(
          dockerFinding(
            'pass',
            dockerfile,
            dockerfile.stages[0].from,
            'no ENV or ARG names a secret',
          ),
        );
      }
    }
    return findings;
  },
};

/** The names an ENV or ARG sets, with their values and where each name is (1-based). */
function propertiesOf(instruction: DockerInstruction): {
  name: string;
  value?: string;
  at: { line: number; column: number };
}[] {
  const { source } = instruction;
  let properties: Property[] = [];
  if (source instanceof Env) properties = source.getProperties();
  else if (source instanceof Arg) {
    const property = source.getProperty();
    properties = property ? [property] : [];
  }
  return properties.map(p => {
    const start = p.getNameRange().start;
    return {
      name: p.getName(),
      value: p.getValue() ?? undefined,
      at: { line: start.line + 1, column: start.character + 1 },
    };
  });
}
