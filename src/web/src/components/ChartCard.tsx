import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card around one chart; `id` names it for links and tests (data-chart). */
export function ChartCard(props: {
  id: string;
  title: string;
  note?: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="md" data-chart={props.id}>
      <Text fw={600} mb={4}>
        {props.title}
      </Text>
      {props.note && (
        <Text size="xs" c="dimmed" mb="xs">
          {props.note}
        </Text>
      )}
      {props.children}
    </Card>
  );
}
