/** The monthly cycle over the store: close a date, correct it, list what is closed. */
export { closeDistributionDate } from './closeDistributionDate.ts';
export { correctDistributionDate } from './correctDistributionDate.ts';
export { history, versionNote, type DateHistory } from './history.ts';
export type { CloseOptions, CloseResult, CorrectOptions } from './options.ts';
