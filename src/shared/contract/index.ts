// The contract: every method the renderer may call, its input schema and its output type.
import type { z } from 'zod'
import { combine, type MethodSpec } from './method'
import { workspaceMethods } from './workspace'
import { teamMethods } from './team'
import { pipelineMethods } from './pipeline'
import { inspectionMethods } from './inspection'
import { recruitingMethods } from './recruiting'
import { backupMethods } from './backups'
import { visibilityMethods } from './visibility'
import { oneOnOneMethods } from './oneOnOnes'
import { importMethods } from './imports'
import { forecastMethods } from './forecast'

export const contract = combine(workspaceMethods, teamMethods, pipelineMethods, inspectionMethods, recruitingMethods, backupMethods, oneOnOneMethods, visibilityMethods, forecastMethods, importMethods)

export type Contract = typeof contract
export type MethodName = keyof Contract & string
/** What the caller passes (defaults may be left out). */
export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>
/** What the handler receives after validation (defaults filled in). */
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>
export type MethodOutput<K extends MethodName> = Contract[K] extends MethodSpec<z.ZodType, infer O> ? O : never

/** The renderer's view: one async function per method. Both transports implement this. */
export type Client = { [K in MethodName]: (input: MethodInput<K>) => Promise<MethodOutput<K>> }

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

export * from './common'
export * from './workspace'
export * from './team'
export * from './pipeline'
export * from './inspection'
export * from './recruiting'
export * from './backups'
export * from './visibility'
export * from './oneOnOnes'
export * from './imports'
export * from './forecast'
