// Visibility: not built yet; says what it will hold.
import { EmptyState, PageHeader } from '../../kit/kit'

export function VisibilityPage() {
  return (
    <>
      <PageHeader title="Visibility" subtitle="Posting once every 14 days leaves a seller invisible for 13." />
      <EmptyState title="Visibility comparisons are coming">
        This page will show each seller's visibility share (days with a public post, comment or share), longest invisible
        stretch, cadence and reach next to the competition's leaders, the team's relationships in tier-one accounts as a
        heat table, and a full-screen presentation mode for the kickoff.
      </EmptyState>
    </>
  )
}
