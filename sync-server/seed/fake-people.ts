import type { Person, Relation } from '../../src/core';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from './fake-names';
import type { Random } from './random';

export const DAY = 86_400_000;
export const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);

/** An invented household's members: a head, maybe a partner, children. */
export const makePeople = (rnd: Random, householdId: string, stamp: string): Person[] => {
  const [male, female] = rnd.pick(SURNAMES);
  const size = rnd.int(1, 5);
  const headIsWoman = rnd.chance(0.6);
  const people: Person[] = [];
  for (let i = 0; i < size; i++) {
    const relation: Relation = i === 0 ? 'head' : i === 1 && rnd.chance(0.5) ? 'partner' : 'child';
    const woman = i === 0 ? headIsWoman : relation === 'partner' ? !headIsWoman : rnd.chance(0.5);
    const adult = relation !== 'child';
    people.push({
      id: rnd.uuid(),
      householdId,
      firstName: rnd.pick(woman ? FEMALE_NAMES : MALE_NAMES),
      lastName: woman ? female : male,
      birthYear: adult ? rnd.int(1960, 2003) : rnd.int(2008, 2024),
      relation,
      phone:
        adult && rnd.chance(0.7)
          ? `+420 7${rnd.int(10, 99)} ${rnd.int(100, 999)} ${rnd.int(100, 999)}`
          : '',
      email: '',
      createdAt: stamp,
      updatedAt: stamp,
      deleted: false,
    });
  }
  return people;
};
