export * from './birthdays';
export * from './enums';
export * from './fields';
export * from './help';
export * from './honours';
export * from './visits';
