export * from './cents.ts';
export * from './rate.ts';
export * from './allocate.ts';
export * from './plainDate.ts';
export * from './dayCount.ts';
export * from './calendar.ts';
