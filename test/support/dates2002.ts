/** The 2002 distribution dates of 2002-1: the dates of the 8-K reports the 10-K lists. */
export const DISTRIBUTION_DATES_2002 = [
  '2002-03-25',
  '2002-04-25',
  '2002-05-28',
  '2002-06-25',
  '2002-07-25',
  '2002-08-26',
  '2002-09-25',
  '2002-10-25',
  '2002-11-25',
  '2002-12-26',
] as const;
