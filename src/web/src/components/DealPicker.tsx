import { Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import type { DealSummary } from '../../../api/service/portal.ts';

/**
 * The deal picker: every deal the user sees (the built-in ones and a book of hundreds), found by
 * typing any part of its name, id, a CUSIP or its servicer, as GET /api/deals?search= does.
 */
export function DealPicker(props: {
  deals: readonly DealSummary[];
  value: string | undefined;
  onChange: (dealId: string) => void;
}) {
  const text = new Map(
    props.deals.map((d) => [
      d.id,
      [d.id, d.name, d.series, ...(d.cusips ?? []), ...(d.servicers ?? [])]
        .join('\n')
        .toLowerCase(),
    ]),
  );
  const filter: OptionsFilter = ({ options, search, limit }) => {
    const wanted = search.trim().toLowerCase();
    return (options as ComboboxItem[])
      .filter((o) => wanted === '' || (text.get(o.value) ?? o.label.toLowerCase()).includes(wanted))
      .slice(0, limit);
  };
  return (
    <Select
      aria-label="Deal"
      w={420}
      searchable
      limit={50}
      filter={filter}
      nothingFoundMessage="No deal has that name, CUSIP or servicer"
      data={props.deals.map((d) => ({ value: d.id, label: d.name }))}
      value={props.value ?? null}
      onChange={(value) => value && props.onChange(value)}
      allowDeselect={false}
    />
  );
}
