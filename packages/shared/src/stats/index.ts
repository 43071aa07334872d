export * from './bands';
export * from './members';
export * from './topics';
