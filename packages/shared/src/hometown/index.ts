export * from './donations';
export * from './enums';
export * from './labour';
export * from './money';
export * from './projects';
export * from './totals';
