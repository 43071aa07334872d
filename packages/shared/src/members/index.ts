export * from './code-tables';
export * from './dates';
export * from './enums';
export * from './id-number';
export * from './members';
export * from './phone';
