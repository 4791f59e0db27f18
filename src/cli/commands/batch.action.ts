import { runBatch, type BatchResult } from '../../administration/book/runBatch.ts';
import { openStore, storeLocation } from '../../store/openStore.ts';
import { actorName, cliAddress, dateOption } from './close.action.ts';
import { progressBar } from './progressBar.ts';

/** The summary: counts, the deals waiting, each refusal with its error's details. */
export function batchSummary(results: readonly BatchResult[], seconds: number): string {
  const of = (status: BatchResult['status']) => results.filter((r) => r.status === status);
  const prepared = of('prepared');
  const waiting = of('waiting');
  const refused = of('refused');
  const perMinute = seconds > 0 ? (prepared.length / seconds) * 60 : 0;
  const lines = [
    `${results.length} deals due: ${prepared.length} prepared, ${waiting.length} waiting for a remittance, ${refused.length} refused`,
    `  ${seconds.toFixed(1)} s, ${perMinute.toFixed(0)} deals prepared a minute`,
  ];
  if (waiting.length > 0) {
    lines.push('waiting for a remittance:', ...waiting.map((r) => `  ${r.dealId}`));
  }
  for (const r of refused) {
    if (r.status !== 'refused') continue;
    lines.push(`refused ${r.dealId}: ${r.code}: ${r.message.split('\n')[0]}`);
    for (const d of r.details.slice(0, 5)) {
      const where = [
        d.file,
        d.row !== undefined ? `row ${d.row}` : '',
        d.field ? `field ${d.field}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      lines.push(
        `  - ${where ? `${where}: ` : ''}${d.message}${d.expected ? `: expected ${d.expected}` : ''}`,
      );
    }
    if (r.details.length > 5) lines.push(`  - and ${r.details.length - 5} more`);
  }
  return `${lines.join('\n')}\n`;
}

/** The `batch` command's work, loaded only when the command runs. */
export const action = async (options: {
  date: string;
  remittances?: string;
  by?: string;
  db?: string;
}) => {
  const date = dateOption(options.date);
  const store = await openStore(storeLocation(options.db));
  let bar: ReturnType<typeof progressBar> | undefined;
  const started = performance.now();
  try {
    const results = await runBatch(store, {
      date,
      preparedBy: actorName(options.by),
      address: cliAddress(),
      ...(options.remittances ? { remittances: options.remittances } : {}),
      onStart: (due) => (bar = progressBar(due, `batch ${date}`)),
      onDeal: (done) => bar?.update(done),
    });
    bar?.stop();
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`batch ${date} on ${store.location}\n${batchSummary(results, seconds)}`);
    if (results.some((r) => r.status === 'refused')) process.exitCode = 1;
  } finally {
    bar?.stop();
    await store.close();
  }
};
