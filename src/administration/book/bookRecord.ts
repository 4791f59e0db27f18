import type { Deal } from '../../deal/deal.ts';

/** The servicers a deal file names: its master servicer, and any other of its parties' servicers. */
export function dealServicers(deal: Deal): string[] {
  const parties: Readonly<Record<string, string | undefined>> = deal.file.parties;
  return [
    ...new Set(
      Object.entries(parties)
        .filter(([role, name]) => /servicer/i.test(role) && name !== undefined)
        .map(([, name]) => name as string),
    ),
  ];
}

/** Every CUSIP of the deal's classes, in the deal file's order (the residual may have none). */
export function dealCusips(deal: Deal): string[] {
  return Object.values(deal.file.classes)
    .map((c) => (c as { cusip?: string }).cusip)
    .filter((cusip): cusip is string => cusip !== undefined && cusip !== '');
}
