import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { GuidanceRule } from './types';

/**
 * Lets a backend module of the guidance plugin add rules. They run wherever the built-in
 * ones do: `POST /validate`, `guidance:validate` and the conformance service.
 * @public
 */
export interface GuidanceRulesExtensionPoint {
  /** Adds rules; an id that is already taken (built in or added) fails the backend's start-up. */
  addRules(...rules: GuidanceRule[]): void;
}

/**
 * The extension point behind {@link GuidanceRulesExtensionPoint}.
 * @public
 */
export const guidanceRulesExtensionPoint =
  createExtensionPoint<GuidanceRulesExtensionPoint>({
    id: 'guidance.rules',
  });
