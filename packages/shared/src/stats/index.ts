export * from './bands';
export * from './members';
