// The schema and URL check live in guidance-common: the backend renders with the same ones.
export {
  guidanceSanitizeSchema,
  safeUrl,
} from '@paved-road/plugin-guidance-common';
