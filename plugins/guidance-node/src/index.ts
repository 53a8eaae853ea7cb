/**
 * Node library for the Paved Road guidance plugin: what backend plugins and modules
 * share — article sources, the rule engine and its rules, the guidance service reference.
 *
 * @packageDocumentation
 */

export * from './sources';
export * from './library';
export * from './actions';
export * from './rules';
export * from './conformance';
export * from './client';
