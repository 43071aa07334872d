/** Meetings of organizational life: enums and labels, the record, attendance. */
export * from './attendance';
export * from './enums';
export * from './meetings';
