export * from './points';
export * from './rule';
