export * from './audit';
export * from './auth';
export * from './divisions';
export * from './errors';
export * from './orgs';
export * from './password';
export * from './roles';
export * from './users';
