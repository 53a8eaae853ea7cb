export * from './GuidanceService';
