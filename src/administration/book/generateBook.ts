import { readFileSync } from 'node:fs';
import { createPrng } from '../../collateral/prng.ts';
import { syntheticDealTape } from '../../collateral/syntheticDealTape.ts';
import { builtInDealIds, dealsDirectory } from '../../deal/builtIn.ts';
import { loadDeal } from '../../deal/loadDeal.ts';
import type { PlainDate } from '../../money/plainDate.ts';
import { exampleAssumptions } from '../../servicing/simulation/assumptions.ts';
import { simulatedPeriods } from '../../servicing/simulation/simulatedPeriods.ts';
import type { RawRow, TrustStore } from '../../store/trustStore.ts';
import { addBookDeal } from './addBookDeal.ts';
import { bookDealFile, type BookDealPlan } from './bookDealFile.ts';

/** The issuers of the synthetic book (fictional), with their CUSIPs' first four characters. */
const ISSUERS: readonly BookDealPlan['issuer'][] = [
  { name: 'Acme Home Equity Loan', slug: 'acme', cusipPrefix: '00AC' },
  { name: 'Bayview Mortgage Securities', slug: 'bayview', cusipPrefix: '07BV' },
  { name: 'Cedar Asset-Backed', slug: 'cedar', cusipPrefix: '15CD' },
  { name: 'Delta Residential Mortgage', slug: 'delta', cusipPrefix: '24DL' },
  { name: 'Eastgate Home Loan', slug: 'eastgate', cusipPrefix: '27EG' },
  { name: 'Fairway Mortgage Pass-Through', slug: 'fairway', cusipPrefix: '30FW' },
  { name: 'Granite Street Mortgage', slug: 'granite', cusipPrefix: '38GS' },
  { name: 'Harbor Point Home Equity', slug: 'harbor', cusipPrefix: '41HP' },
];
const SERVICERS: readonly string[] = [
  'Northbridge Loan Servicing LLC (fictional)',
  'Summit Mortgage Servicing Corp. (fictional)',
  'Riverbend Home Loans Servicing LP (fictional)',
  'Keystone Default Servicing Inc. (fictional)',
  'Pacific Crest Servicing LLC (fictional)',
];

/**
 * The book's one calendar: every deal cut off on 2003-12-01, closed 2003-12-30 and first paid
 * 2004-01-26 (the 25th was a Sunday), so each distribution date is every deal's; a year of
 * dates stays within the index fixings trustee ships (data/, 1-month LIBOR to 2005-02).
 */
export const BOOK_DATES = {
  cutoff: '2003-12-01',
  closing: '2003-12-30',
  firstDistribution: '2004-01-26',
} as const;

export interface GenerateBookOptions {
  readonly deals: number;
  readonly seed: number;
  /** Simulated remittances a deal, from its first distribution date (at most 12). */
  readonly months: number;
  readonly actor: string;
  readonly address: string;
  /** Called after each deal is stored, with the number stored so far. */
  readonly onDeal?: (done: number, dealId: string) => void;
}

export interface GeneratedBook {
  readonly dealIds: readonly string[];
  /** How many deals each built-in template gave. */
  readonly templates: Readonly<Record<string, number>>;
  readonly loans: number;
  readonly remittances: number;
  readonly remittanceRows: number;
  /** The first distribution date: every deal of the book is due then. */
  readonly firstDate: PlainDate;
}

/**
 * Writes a synthetic book of deals into the store: deal i takes built-in deal i (in turn, so
 * every structure the engine expresses is in the book) as its template (bookDealFile.ts), gets
 * a synthetic cut-off tape from the example pool generator and `months` remittances from the
 * performance simulator, each stored as a remittance waiting for its date (not yet prepared).
 * One transaction a deal (its deal file, tape, book record, remittances and audit entries):
 * deals already written stay when a later one fails. Numbers continue after the book's deals,
 * so a second run adds deals. Deterministic: the same seed and book give the same deals.
 */
export async function generateBook(
  store: TrustStore,
  options: GenerateBookOptions,
): Promise<GeneratedBook> {
  const templates = builtInDealIds().map((id) => ({
    id,
    json: JSON.parse(readFileSync(`${dealsDirectory}${id}.json`, 'utf8')) as unknown,
  }));
  const start = (await store.book.listDeals()).length;
  const prng = createPrng(options.seed + start);
  const dealIds: string[] = [];
  const used: Record<string, number> = {};
  let loans = 0;
  let remittances = 0;
  let remittanceRows = 0;
  let firstDate = BOOK_DATES.firstDistribution as PlainDate;
  for (let i = 0; i < options.deals; i += 1) {
    const number = start + i + 1;
    const template = templates[(number - 1) % templates.length]!;
    const file = bookDealFile(template.json, {
      number,
      issuer: ISSUERS[prng.int(0, ISSUERS.length - 1)]!,
      servicer: SERVICERS[prng.int(0, SERVICERS.length - 1)]!,
      scaleDraw: prng.next(),
      dates: BOOK_DATES,
    });
    const deal = loadDeal(file, `generated deal ${String(file['id'])}`);
    const dealSeed = options.seed * 1000 + number;
    const tape = syntheticDealTape(deal, dealSeed);
    const periods = simulatedPeriods(deal, tape, exampleAssumptions, dealSeed, options.months);
    const at = new Date().toISOString();
    await store.transaction(async (tx) => {
      await addBookDeal(tx, {
        deal,
        dealSource: `generate-book (template ${template.id}, seed ${options.seed})`,
        loans: tape,
        tapeSource: `synthetic tape (seed ${dealSeed})`,
        actor: options.actor,
        at,
        address: options.address,
        reason: 'synthetic book (trustee generate-book)',
      });
      for (const { report, period } of periods) {
        await tx.putRemittance(
          {
            dealId: deal.id,
            source: `simulated remittance ${report.file} (seed ${dealSeed})`,
            // The report's rows as read, the raw rows every stored remittance keeps.
            rows: report.rows as unknown as RawRow[],
            period,
          },
          at,
        );
      }
      await tx.appendAudit({
        at,
        actor: options.actor,
        action: 'upload-remittance',
        dealId: deal.id,
        reason: 'simulated remittances of the synthetic book (trustee generate-book)',
        details: {
          dates: periods.map((p) => p.period.distributionDate),
          seed: dealSeed,
        },
        address: options.address,
      });
    });
    firstDate = deal.firstDistributionDate;
    dealIds.push(deal.id);
    used[template.id] = (used[template.id] ?? 0) + 1;
    loans += tape.length;
    remittances += periods.length;
    remittanceRows += periods.reduce((n, p) => n + p.report.rows.length, 0);
    options.onDeal?.(i + 1, deal.id);
  }
  return { dealIds, templates: used, loans, remittances, remittanceRows, firstDate };
}
