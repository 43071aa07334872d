export * from './calculate';
export * from './month-names';
export * from './months';
export * from './reliefs';
