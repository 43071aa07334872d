export * from './audience';
export * from './courses';
export * from './enums';
export * from './study';
