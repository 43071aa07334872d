export * from './code-tables';
export * from './counts';
export * from './dates';
export * from './enum-names';
export * from './enums';
export * from './id-number';
export * from './members';
export * from './phone';
