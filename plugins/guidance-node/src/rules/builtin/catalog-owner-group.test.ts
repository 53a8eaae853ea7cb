import { Entity } from '@backstage/catalog-model';
import { evaluateRules } from '../engine';
import { evaluate } from '../../__testUtils__/manifests';
import { catalogOwnerGroupRule } from './catalog-owner-group';

const catalogInfo = (owner: string | undefined, kind = 'Component') =>
  [
    'apiVersion: backstage.io/v1alpha1',
    `kind: ${kind}`,
    'metadata:',
    '  name: orders',
    'spec:',
    '  type: service',
    '  lifecycle: production',
    ...(owner !== undefined ? [`  owner: ${owner}`] : []),
    '',
  ].join('\n');

const messagesFor = (owner: string | undefined) =>
  evaluate(catalogOwnerGroupRule, undefined, {
    'catalog-info.yaml': catalogInfo(owner),
  }).findings.map(f => [f.status, f.message]);

describe('catalog-owner-group', () => {
  it('does not apply without an entity, nor to kinds without an owner', () => {
    expect(evaluate(catalogOwnerGroupRule).status).toBe('not-applicable');
    expect(
      evaluate(catalogOwnerGroupRule, undefined, {
        'catalog-info.yaml': catalogInfo('jdoe', 'Group'),
      }).status,
    ).toBe('not-applicable');
  });

  it('passes a group, written with or without its kind (the catalog reads a bare name as a Group)', () => {
    expect(messagesFor('group:default/payments')).toEqual([
      ['pass', 'is owned by the group group:default/payments'],
    ]);
    expect(messagesFor('payments')).toEqual([
      ['pass', 'is owned by the group group:default/payments'],
    ]);
  });

  it('fails a person, a missing owner and a malformed reference, pointing at spec.owner', () => {
    const evaluation = evaluate(catalogOwnerGroupRule, undefined, {
      'catalog-info.yaml': catalogInfo('user:jdoe'),
    });
    expect(evaluation.findings).toEqual([
      {
        status: 'fail',
        file: 'catalog-info.yaml',
        line: 8,
        column: 3,
        object: 'component:default/orders',
        message:
          "is owned by user:default/jdoe, a user: make a team (group:<name>) the owner so it outlives one person's move",
      },
    ]);
    expect(messagesFor(undefined)).toEqual([
      ['fail', 'has no spec.owner: name the team that owns it (group:<name>)'],
    ]);
    expect(messagesFor('"group:"')[0][0]).toBe('fail');
    expect(messagesFor('"group:"')[0][1]).toMatch(
      /^spec.owner "group:" is not an entity reference/,
    );
  });

  it('judges the entity the conformance service hands in (no file of its own)', () => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'orders', namespace: 'shop' },
      spec: { type: 'service', owner: 'user:jdoe' },
    };
    const [result] = evaluateRules([catalogOwnerGroupRule], {
      objects: [],
      parseErrors: [],
      entity,
    });
    expect(result.findings).toEqual([
      {
        status: 'fail',
        object: 'component:shop/orders',
        message:
          "is owned by user:shop/jdoe, a user: make a team (group:<name>) the owner so it outlives one person's move",
      },
    ]);
  });
});
