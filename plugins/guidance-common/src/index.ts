/**
 * Everything the Paved Road guidance plugins agree on: types, the front-matter schema,
 * categories, the annotation and heading slugs.
 *
 * @packageDocumentation
 */
export * from './annotation';
export * from './categories';
export * from './headingSlug';
export * from './readingTime';
export * from './schema';
export * from './types';
export * from './templateVersion';
export * from './sanitize';
export * from './lifecycle';
export * from './permissions';
export * from './waivers';
export * from './summary';
export * from './ruleListing';
export { articleUrl, DEFAULT_ARTICLE_PATH } from './articleUrl';
export * from './conformanceTrends';
