export { EntityGuidanceCard } from './EntityGuidanceCard';
