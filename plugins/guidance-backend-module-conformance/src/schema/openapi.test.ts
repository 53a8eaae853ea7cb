import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { MAX_TREND_DAYS } from '../service/conformance/trendQueries';
import { spec } from './openapi.generated';

describe('openapi.yaml', () => {
  it('is what openapi.generated.ts holds (regenerate after editing the spec)', () => {
    const yaml = parse(readFileSync(join(__dirname, 'openapi.yaml'), 'utf8'));
    expect(spec).toEqual(yaml);
  });

  it('states the limits the module enforces', () => {
    expect(spec.components.parameters.days.schema.maximum).toBe(MAX_TREND_DAYS);
  });
});
