// TanStack Query over the typed client: one key shape for every contract read.
import { useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query'
import type { MethodInput, MethodName, MethodOutput } from '@shared/contract'
import { call, CallError } from './client'

export function useCall<K extends MethodName>(method: K, input: MethodInput<K>, options: { enabled?: boolean } = {}) {
  return useQuery<MethodOutput<K>, CallError>({
    queryKey: [method, input],
    queryFn: () => call(method, input),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true
  })
}

/** A write; on success every read is refetched (writes are rare, reads are cheap and paged). */
export function useCallMutation<K extends MethodName>(method: K) {
  const queries = useQueryClient()
  return useMutation<MethodOutput<K>, CallError, MethodInput<K>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => queries.invalidateQueries()
  })
}
