export * from './lifecycle';
export { SHIPPED_LIFECYCLE } from './lifecycleTable';
