/**
 * What the read model holds of one table, in memory: a value per stored row (the row itself,
 * frozen, or the facts taken from it), and the same values by household. A household's list
 * and the list of all values keep their identity until one of their rows changes, so a
 * reader may remember what it made of them (queries/evaluations.ts does).
 */
const NONE: readonly never[] = Object.freeze([]);

export class TableIndex<H> {
  private readonly byId = new Map<string, H>();
  private readonly households = new Map<string, Map<string, H>>();
  private readonly lists = new Map<string, readonly H[]>();
  private list: readonly H[] | null = null;

  constructor(
    private readonly householdOf: (held: H) => string,
    /** Rows dated before this are not held (the contacts' window); '' holds all. */
    readonly from: string,
    /** The last change-log entry applied. */
    public seen: number,
  ) {}

  /** Holds this value for the row, or forgets the row (null: deleted or not held). */
  set(id: string, held: H | null): void {
    const before = this.byId.get(id);
    if (before === undefined && held === null) return;
    if (before !== undefined) this.leave(id, this.householdOf(before));
    if (held !== null) {
      this.byId.set(id, held);
      const household = this.householdOf(held);
      let members = this.households.get(household);
      if (!members) this.households.set(household, (members = new Map()));
      members.set(id, held);
      this.lists.delete(household);
    } else this.byId.delete(id);
    this.list = null;
  }

  private leave(id: string, household: string): void {
    const members = this.households.get(household);
    members?.delete(id);
    if (members?.size === 0) this.households.delete(household);
    this.lists.delete(household);
  }

  get(id: string): H | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Every held value; never to be modified. */
  all(): readonly H[] {
    return (this.list ??= [...this.byId.values()]);
  }

  /** The household's held values (one shared empty list when none); never to be modified. */
  ofHousehold(household: string): readonly H[] {
    let list = this.lists.get(household);
    if (!list) {
      const members = this.households.get(household);
      if (!members) return NONE;
      this.lists.set(household, (list = [...members.values()]));
    }
    return list;
  }

  householdIds(): IterableIterator<string> {
    return this.households.keys();
  }
}
