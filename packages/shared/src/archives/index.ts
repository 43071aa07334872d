export * from './archives';
export * from './loans';
