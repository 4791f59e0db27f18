import { Button } from '@mantine/core';
import type { ApiJob } from '../useJob.ts';
import { jobActive } from '../jobStatus.ts';

/** The Cancel button of a queued or running job (DELETE /api/jobs/:id); nothing otherwise. */
export function CancelJob(props: {
  job: ApiJob | undefined;
  onCancel: () => void;
  testId: string;
}) {
  if (!jobActive(props.job)) return null;
  return (
    <Button variant="default" color="red" onClick={props.onCancel} data-testid={props.testId}>
      Cancel
    </Button>
  );
}
