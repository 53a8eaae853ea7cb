import { GuidanceRule, RuleFinding } from '../types';
import {
  DockerStage,
  dockerFinding,
  dockerfilesOf,
  finalImageStages,
  imageBaseName,
} from './dockerfiles';

/** A RUN that compiles: the toolchain and the sources it needs stay in the stage that ran it. */
const COMPILE =
  /\b(go (build|install)|cargo (build|install)|mvn|mvnw|gradlew?|dotnet (publish|build)|npm run build|yarn (run )?build|pnpm (run )?build|tsc)\b/;
/** Base images that are a toolchain, not a runtime. */
const TOOLCHAIN_IMAGES = new Set(['golang', 'rust', 'maven', 'gradle', 'sdk']);

/** Why a stage builds code, or undefined. */
function compiles(stage: DockerStage): string | undefined {
  const run = stage.instructions.find(
    i => i.keyword === 'RUN' && COMPILE.test(i.args),
  );
  if (run) {
    const command = COMPILE.exec(run.args)![0];
    return `line ${run.line} runs ${command}`;
  }
  const image = stage.from.image;
  if (image && TOOLCHAIN_IMAGES.has(imageBaseName(image))) {
    return `it builds FROM ${stage.from.written}, a toolchain image`;
  }
  return undefined;
}

/**
 * For a compiled language the image that runs should hold the binary, not the compiler, the
 * sources and the build cache: build in one stage, copy the result into a small runtime stage.
 */
export const dockerfileMultiStageRule: GuidanceRule = {
  id: 'dockerfile-multi-stage',
  title:
    'Dockerfiles that compile code build in one stage and run from another',
  severity: 'warning',
  fileKinds: ['dockerfile'],
  article: { id: 'golden-paths', section: 'rule-dockerfile-multi-stage' },
  check(input) {
    const findings: RuleFinding[] = [];
    for (const dockerfile of dockerfilesOf(input)) {
      const chain = finalImageStages(dockerfile);
      if (chain.length === 0) continue;
      const final = chain[0];
      const inFinal = chain
        .map(stage => ({ stage, why: compiles(stage) }))
        .find(s => s.why);
      if (inFinal) {
        const where =
          inFinal.stage === final
            ? 'the final stage'
            : `stage ${
                inFinal.stage.name ?? inFinal.stage.index
              }, which the final image is built on,`;
        findings.push(
          dockerFinding(
            'fail',
            dockerfile,
            final.from,
            `${where} compiles (${inFinal.why}): the image ships the toolchain and sources; build in a stage of its own and COPY --from it into a runtime image`,
          ),
        );
        continue;
      }
      const builder = dockerfile.stages.find(
        s => !chain.includes(s) && compiles(s),
      );
      if (builder) {
        findings.push(
          dockerFinding(
            'pass',
            dockerfile,
            final.from,
            `builds in stage ${builder.name ?? builder.index} and runs FROM ${
              final.from.written
            }`,
          ),
        );
      }
      // nothing compiled: an interpreted or copy-only image, the rule does not apply
    }
    return findings;
  },
};
