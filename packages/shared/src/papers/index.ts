export * from './certificates';
export * from './rules';
export * from './transfers';
