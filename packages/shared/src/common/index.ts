export * from './calendar';
export * from './dates';
export * from './ids';
export * from './text';
export * from './text-forms';
