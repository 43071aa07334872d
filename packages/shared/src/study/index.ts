/** The study hours ledger (学时): hours by source, the threshold board, offline study records. */
export * from './hours';
export * from './records';
