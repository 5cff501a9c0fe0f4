// The text the notes workload types, shared by the worker and the checks.
export const NOTE = 'Ask Amal what changed at Bluefern Health; the commit has no meeting since the pricing review. '
