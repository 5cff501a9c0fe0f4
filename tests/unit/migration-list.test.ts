// The bundled list of schema steps: strictly ordered, and hashed so an edit after release is noticed.
import { describe, expect, it } from 'vitest'
import { assertOrdered, migrationHash } from '../../src/main/store/migrate'
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../src/main/store/migrations'

const step = (version: number, sql = `CREATE TABLE t${version} (x)`): Migration => ({ version, name: `step ${version}`, sql })

describe('assertOrdered', () => {
  it('accepts the bundled list, whose last step is LATEST_VERSION', () => {
    expect(() => assertOrdered(MIGRATIONS)).not.toThrow()
    expect(MIGRATIONS.length).toBeGreaterThan(0)
    expect(MIGRATIONS.at(-1)!.version).toBe(LATEST_VERSION)
  })

  it('accepts strictly increasing versions, with gaps', () => {
    expect(() => assertOrdered([step(1), step(2), step(5)])).not.toThrow()
  })

  it('throws on a step listed before an earlier one', () => {
    expect(() => assertOrdered([step(1), step(3), step(2)])).toThrow(/not increasing: 3 then 2/)
  })

  it('throws on a version listed twice', () => {
    expect(() => assertOrdered([step(1), step(2), step(2)])).toThrow(/not increasing: 2 then 2/)
  })
})

describe('migrationHash', () => {
  it('is the same for the same SQL', () => {
    expect(migrationHash(step(1))).toBe(migrationHash({ ...step(1) }))
    expect(migrationHash(step(1))).toMatch(/^[0-9a-f]{64}$/)
  })

  it('changes with any edit to the SQL, even whitespace', () => {
    expect(migrationHash(step(1, 'CREATE TABLE a (x)'))).not.toBe(migrationHash(step(1, 'CREATE TABLE a (x) ')))
  })
})
