import { GuidanceRule } from '../types';
import { entityFinding } from './entityFindings';

/**
 * The annotations the PagerDuty and Opsgenie Backstage plugins read to find a service's on-call
 * rotation (PagerDuty's plugin takes a service id or an integration key; Opsgenie's plugin a
 * team or an alert query).
 */
export const ON_CALL_ANNOTATIONS = [
  'pagerduty.com/service-id',
  'pagerduty.com/integration-key',
  'opsgenie.com/team',
  'opsgenie.com/component-selector',
];

/** Component types that are run, and so paged for: not libraries or documentation. */
const RUN_TYPES = ['service', 'website'];

/**
 * A service in production names its on-call rotation, so that the portal shows who is on call
 * and where its pages go; a production service nobody is paged for fails silently.
 */
export const oncallAnnotationRule: GuidanceRule = {
  id: 'oncall-annotation',
  title:
    'Production services name their on-call rotation (PagerDuty or Opsgenie)',
  severity: 'warning',
  fileKinds: ['catalog-entity'],
  article: { id: 'on-call-rotation', section: 'rule-oncall-annotation' },
  check(input) {
    const entity = input.entity;
    if (!entity || entity.kind !== 'Component') return [];
    const spec = (entity.spec ?? {}) as { lifecycle?: unknown; type?: unknown };
    if (
      spec.lifecycle !== 'production' ||
      !RUN_TYPES.includes(String(spec.type))
    )
      return [];
    const annotations = entity.metadata.annotations ?? {};
    const named = ON_CALL_ANNOTATIONS.filter(
      key => typeof annotations[key] === 'string' && annotations[key].trim(),
    );
    return [
      named.length > 0
        ? entityFinding(
            input,
            'pass',
            `a production ${
              spec.type
            } whose on-call rotation is named by ${named.join(', ')}`,
            ['metadata', 'annotations', named[0]],
          )
        : entityFinding(
            input,
            'fail',
            `is a production ${
              spec.type
            } with no on-call annotation: add one of ${ON_CALL_ANNOTATIONS.join(
              ', ',
            )}`,
            ['metadata', 'annotations'],
          ),
    ];
  },
};
