// Recruiting: not built yet; says what it will hold.
import { EmptyState, PageHeader } from '../../kit/kit'

export function RecruitingPage() {
  return (
    <>
      <PageHeader title="Recruiting" subtitle="Hire for behaviour, not only results." />
      <EmptyState title="No requisitions yet">
        This page will hold open roles and a candidate board per role (sourced → offer), candidate profiles with research
        notes and resumes, structured scorecards that weigh team selling, sales technology, methodology and knowledge
        sharing beside quota attainment, side-by-side comparison and funnel figures.
      </EmptyState>
    </>
  )
}
