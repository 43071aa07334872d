export * from './audit';
export * from './members';
export * from './orgs';
export * from './users';
