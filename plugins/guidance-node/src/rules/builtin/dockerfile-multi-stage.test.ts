import { evaluateRules, parseManifests } from '../engine';
import { dockerfileMultiStageRule } from './dockerfile-multi-stage';

const run = (content: string) =>
  evaluateRules(
    [dockerfileMultiStageRule],
    parseManifests([{ path: 'Dockerfile', content }]),
  )[0];

describe('dockerfile-multi-stage', () => {
  it('passes a build stage copied into a runtime stage', () => {
    const result = run(
      [
        'FROM node:24-trixie-slim AS build',
        'RUN npm ci && \\',
        '    npm run build',
        'FROM gcr.io/distroless/nodejs24-debian13:nonroot',
        'COPY --from=build /app/dist ./dist',
      ].join('\n'),
    );
    expect(result.status).toBe('pass');
    expect(result.findings[0]).toMatchObject({
      line: 4,
      message:
        'builds in stage build and runs FROM gcr.io/distroless/nodejs24-debian13:nonroot',
    });
  });

  it('fails a single stage that compiles, and a final stage built on the build stage', () => {
    const single = run(
      'FROM golang:1.27-trixie\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /server .\nUSER 65532',
    );
    expect(single.status).toBe('fail');
    expect(single.findings[0]).toMatchObject({
      file: 'Dockerfile',
      line: 1,
      column: 1,
      message:
        'the final stage compiles (line 3 runs go build): the image ships the toolchain and sources; build in a stage of its own and COPY --from it into a runtime image',
    });
    const chained = run(
      'FROM maven:3.9-eclipse-temurin-21 AS build\nRUN echo built\nFROM build\nUSER 10001',
    );
    expect(chained.status).toBe('fail');
    expect(chained.findings[0].message).toContain(
      'stage build, which the final image is built on, compiles (it builds FROM maven:3.9-eclipse-temurin-21, a toolchain image)',
    );
  });

  it('does not apply to an image that compiles nothing', () => {
    const result = run(
      'FROM python:3.13-slim\nRUN apt-get install -y make gcc && pip install -r requirements.txt\nUSER 10001',
    );
    expect(result.status).toBe('not-applicable');
  });
});
