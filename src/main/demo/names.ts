// Invented name parts for the demo organisation: no real people or companies.

export const FIRST_NAMES = [
  'Ada', 'Bram', 'Carla', 'Dev', 'Elin', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Luca',
  'Mara', 'Nils', 'Oona', 'Pavel', 'Quinn', 'Rosa', 'Sami', 'Tess', 'Umar', 'Vera', 'Wren', 'Xavi',
  'Yara', 'Zeno', 'Amal', 'Bodil', 'Cyrus', 'Dana', 'Emeka', 'Fleur', 'Goran', 'Hana', 'Ivo', 'Jade'
] as const

export const LAST_NAMES = [
  'Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Brennan', 'Kowalski', 'Haddad', 'Novak', 'Ferreira',
  'Osei', 'Varga', 'Achterberg', 'Quispe', 'Ritter', 'Sato', 'Delacroix', 'Mbeki', 'Olsen', 'Petrov',
  'Castillo', 'Nakamura', 'Eriksen', 'Abara', 'Fontaine', 'Halvorsen', 'Iyer', 'Jansen', 'Keller'
] as const

export const COMPANY_STEMS = [
  'Northwind', 'Bluefern', 'Copperline', 'Driftwood', 'Emberly', 'Foxglove', 'Granite', 'Harbor',
  'Ironleaf', 'Juniper', 'Kestrel', 'Lumen', 'Meridian', 'Nimbus', 'Oakridge', 'Pinecrest', 'Quarry',
  'Redwater', 'Silverton', 'Tidewell', 'Upland', 'Vantage', 'Willow', 'Yellowpine', 'Zephyr',
  'Arcadia', 'Brightmoor', 'Cobalt', 'Dunmore', 'Eastgate'
] as const

export const COMPANY_KINDS = [
  'Logistics', 'Health', 'Foods', 'Energy', 'Bank', 'Insurance', 'Robotics', 'Retail', 'Media',
  'Telecom', 'Pharma', 'Systems', 'Freight', 'Labs', 'Mining', 'Textiles', 'Analytics', 'Capital'
] as const

export const INDUSTRIES = [
  'Manufacturing', 'Financial services', 'Healthcare', 'Retail', 'Energy', 'Technology', 'Logistics', 'Public sector'
] as const

export const TITLES_BY_ROLE = {
  economic_buyer: ['CFO', 'VP Operations', 'Chief Revenue Officer', 'COO', 'Managing Director'],
  technical_buyer: ['Head of IT', 'Enterprise Architect', 'Director of Engineering', 'CISO'],
  user_buyer: ['Operations Manager', 'Team Lead', 'Analyst', 'Sales Operations Manager'],
  coach: ['Program Manager', 'Procurement Lead', 'Chief of Staff']
} as const

export const TEAM_NAMES = [
  'Enterprise North', 'Mid-Market West', 'Strategic Accounts', 'Enterprise South', 'Commercial East',
  'Public Sector', 'Growth', 'Named Accounts', 'Central', 'Nordics', 'DACH', 'Benelux', 'Iberia',
  'UK & Ireland', 'Americas East', 'Americas West', 'APAC'
] as const

export const COMPETITORS = ['Altmark', 'Brisa CRM', 'Cadence Cloud', 'Dovetail Suite'] as const

export const SUBJECTS = {
  meeting: ['Discovery call', 'Demo with the operations team', 'Pricing review', 'Executive alignment', 'Technical deep-dive'],
  call: ['Follow-up call', 'Check-in on timeline', 'Call with procurement', 'Reference call prep'],
  email: ['Proposal sent', 'Re: next steps', 'Security questionnaire', 'Re: pricing question', 'Mutual action plan'],
  social: ['Post on buyer enablement', 'Comment on industry report', 'Shared customer story', 'Reacted to company news', 'Message after webinar'],
  note: ['Internal note: champion moving teams', 'Internal note: budget confirmed', 'Internal note: legal review']
} as const
