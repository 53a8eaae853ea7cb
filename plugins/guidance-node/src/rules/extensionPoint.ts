import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { GuidanceRule } from './types';

/**
 * Lets a backend module of the guidance plugin add rules. They run wherever the built-in
 * ones do: `POST /validate`, `guidance:validate` and the conformance service.
 * @public
 */
export interface GuidanceRulesExtensionPoint {
  addRules(...rules: GuidanceRule[]): void;
}

/** @public */
export const guidanceRulesExtensionPoint =
  createExtensionPoint<GuidanceRulesExtensionPoint>({
    id: 'guidance.rules',
  });
