export * from './roles';
export * from './live-events';
export * from './schemas';
