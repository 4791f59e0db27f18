import { hostname } from 'node:os';
import { generateBook } from '../../administration/book/generateBook.ts';
import { openStore, storeLocation } from '../../store/openStore.ts';
import { actorName } from './close.action.ts';
import { progressBar } from './progressBar.ts';
import { wholeOption } from './simulate.action.ts';

/** The `generate-book` command's work, loaded only when the command runs. */
export const action = async (options: {
  deals: string;
  seed: string;
  months: string;
  by?: string;
  db?: string;
}) => {
  const deals = wholeOption('--deals', options.deals, 1, 100_000);
  const seed = wholeOption('--seed', options.seed, 0, 1_000_000);
  const months = wholeOption('--months', options.months, 1, 12);
  const store = await openStore(storeLocation(options.db));
  const bar = progressBar(deals, 'deals');
  const started = performance.now();
  try {
    const book = await generateBook(store, {
      deals,
      seed,
      months,
      actor: actorName(options.by),
      address: `cli on ${hostname()}`,
      onDeal: (done) => bar.update(done),
    });
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    const templates = Object.entries(book.templates)
      .map(([id, n]) => `${id} x${n}`)
      .join(', ');
    process.stdout.write(
      [
        `generated ${book.dealIds.length} deals into ${store.location} in ${seconds.toFixed(1)} s` +
          ` (${(book.dealIds.length / seconds).toFixed(1)} deals/s)`,
        `  ${book.dealIds[0]} .. ${book.dealIds.at(-1)}`,
        `  templates: ${templates}`,
        `  ${book.loans} loans; ${book.remittances} remittances waiting (${book.remittanceRows} loan rows)`,
        `  every deal's first distribution date: ${book.firstDate} (trustee batch --date ${book.firstDate})`,
      ].join('\n') + '\n',
    );
  } finally {
    bar.stop();
    await store.close();
  }
};
