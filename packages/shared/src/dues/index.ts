export * from './calculate';
export * from './months';
export * from './reliefs';
