export * from './audit';
export * from './member-counts';
export * from './members';
export * from './orgs';
export * from './users';
