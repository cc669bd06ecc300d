export * from './roles';
export * from './live-events';
export * from './schemas';
export * from './error-codes';
export * from './reply-schemas';
export * from './hall-schemas';
export * from './user-schemas';
export * from './ops-schemas';
