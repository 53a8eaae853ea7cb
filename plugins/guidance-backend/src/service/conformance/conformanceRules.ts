import { GuidanceRule } from '@paved-road/plugin-guidance-node';

/**
 * The rules the conformance service evaluates. Until the built-in rule registry lands
 * this is empty; it is replaced by the registry (built-in plus extension-point rules).
 */
export const conformanceRules = (): GuidanceRule[] => [];
