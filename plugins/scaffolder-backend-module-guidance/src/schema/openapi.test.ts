import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { spec } from './openapi.generated';

describe('openapi.yaml', () => {
  it('is what openapi.generated.ts holds (regenerate after editing the spec)', () => {
    const yaml = parse(readFileSync(join(__dirname, 'openapi.yaml'), 'utf8'));
    expect(spec).toEqual(yaml);
  });
});
