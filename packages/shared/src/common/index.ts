export * from './calendar';
export * from './dates';
export * from './hours';
export * from './ids';
export * from './page';
export * from './stream';
export * from './text';
export * from './text-forms';
