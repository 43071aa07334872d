/** The compliance board of organizational life: the pure rules and the contracts of the board and exemptions. */
export * from './board';
export * from './exemptions';
export * from './rules';
