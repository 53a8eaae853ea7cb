import { parseEntityRef } from '@backstage/catalog-model';
import { GuidanceRule } from '../types';
import { entityFinding } from './entityFindings';

/** Kinds whose `spec.owner` the catalog turns into an ownedBy relation. */
const OWNED_KINDS = ['Component', 'API', 'Resource', 'System', 'Domain'];

/**
 * The owner is a team (a Group), not a person: people change teams and leave, and an entity
 * owned by one is orphaned the day they do. A ref without a kind is a Group, as in the catalog.
 */
export const catalogOwnerGroupRule: GuidanceRule = {
  id: 'catalog-owner-group',
  title: 'Catalog entities are owned by a team (a Group), not a person',
  severity: 'warning',
  fileKinds: ['catalog-entity'],
  article: { id: 'golden-paths', section: 'rule-catalog-owner-group' },
  check(input) {
    const entity = input.entity;
    if (!entity || !OWNED_KINDS.includes(entity.kind)) return [];
    const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
    if (typeof owner !== 'string' || owner.trim() === '') {
      return [
        entityFinding(
          input,
          'fail',
          'has no spec.owner: name the team that owns it (group:<name>)',
          ['spec'],
        ),
      ];
    }
    let kind: string;
    let ref: string;
    try {
      const parsed = parseEntityRef(owner, {
        defaultKind: 'Group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      });
      kind = parsed.kind;
      ref = `${parsed.kind.toLocaleLowerCase('en-US')}:${parsed.namespace}/${
        parsed.name
      }`;
    } catch (error) {
      return [
        entityFinding(
          input,
          'fail',
          `spec.owner "${owner}" is not an entity reference: ${
            (error as Error).message
          }`,
          ['spec', 'owner'],
        ),
      ];
    }
    return [
      kind.toLocaleLowerCase('en-US') === 'group'
        ? entityFinding(input, 'pass', `is owned by the group ${ref}`, [
            'spec',
            'owner',
          ])
        : entityFinding(
            input,
            'fail',
            `is owned by ${ref}, a ${kind}: make a team (group:<name>) the owner so it outlives one person's move`,
            ['spec', 'owner'],
          ),
    ];
  },
};
