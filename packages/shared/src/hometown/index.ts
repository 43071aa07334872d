export * from './donations';
export * from './enums';
export * from './labour';
export * from './money';
export * from './money-amount';
export * from './projects';
export * from './totals';
