// Import: not built yet; says what it will hold.
import { EmptyState, PageHeader } from '../../kit/kit'

export function ImportPage() {
  return (
    <>
      <PageHeader title="Import" subtitle="CRM exports and LinkedIn data archives, offline." />
      <EmptyState title="Nothing imported yet">
        This page will take Salesforce, HubSpot and Pipedrive exports and each rep's LinkedIn archive, map their columns,
        show progress, and apply each file completely or not at all — then give data back out as CSV.
      </EmptyState>
    </>
  )
}
