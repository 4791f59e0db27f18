import {
  LOAN_GROUP_FIGURES,
  structureSections as structureFigures,
} from '../../reports/structureFigures.ts';
import type { StatementModel } from '../../reports/statementTypes.ts';
import { lines, money, number, pct, text, type StatementSection } from './statementCells.ts';

/**
 * The sections only some structures have, after the filing's own, as the text statement prints
 * them (`reports/structureFigures.ts`): each loan group's pool figures a column a group, then the
 * labelled sections (swap and cap, expenses under an annual cap, reserve fund).
 */
export function structureSections(model: StatementModel): StatementSection[] {
  const sections: StatementSection[] = [];
  const groups = model.loanGroups;
  if (groups) {
    sections.push({
      id: 'loanGroups',
      title: 'Loan Groups',
      columns: ['', ...groups.rows.map((r) => `Group ${r.group}`)],
      rows: [
        ...LOAN_GROUP_FIGURES.map((figure) => [
          text(figure.label),
          ...groups.rows.map((r) => {
            if ('count' in figure) return number(figure.count(r));
            if ('rate' in figure) return pct(figure.rate(r), figure.decimals);
            const value = figure.amount(r);
            return value === null ? text('NA') : money(value);
          }),
        ]),
        [text('Subordinate Net WAC Rate'), pct(groups.subordinateNetWacRate, 5)],
      ],
    });
  }
  for (const section of structureFigures(model)) {
    sections.push(
      lines(
        section.id,
        section.title,
        section.lines.map(([label, amount]) => [label, money(amount)]),
      ),
    );
  }
  return sections;
}
