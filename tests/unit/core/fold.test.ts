import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, matchesQuery } from '../../../src/core';

describe('foldText', () => {
  it.each([
    ['Novák', 'novak'],
    ['Šťastná', 'stastna'],
    ['ŽLUŤOUČKÝ kůň', 'zlutoucky kun'],
    ['Přednádraží', 'prednadrazi'],
  ])('folds %s to %s', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => foldText(foldText(s)) === foldText(s)));
  });
});

describe('matchesQuery', () => {
  it('finds "Novák" by "Novak" and by a prefix', () => {
    expect(matchesQuery('Jan Novák, Hornická 5', 'Novak')).toBe(true);
    expect(matchesQuery('Jan Novák, Hornická 5', 'nov')).toBe(true);
    expect(matchesQuery('Jan Novák, Hornická 5', 'horn jan')).toBe(true);
  });
  it('needs every word of the query', () => {
    expect(matchesQuery('Jan Novák', 'novak petr')).toBe(false);
    expect(matchesQuery('Jan Novák', 'ovak')).toBe(false);
  });
  it('matches everything with an empty query', () => {
    expect(matchesQuery('Jan Novák', '   ')).toBe(true);
  });
});
