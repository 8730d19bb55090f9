const NONE: readonly never[] = Object.freeze([]);

/**
 * What the read model holds of one table, in memory: a value per stored row (the row itself,
 * frozen, or the facts taken from it), and the same values by household. A household's list
 * and the list of all values keep their identity until one of their rows changes, so a
 * reader may remember what it made of them (queries/evaluations.ts does).
 */
export class TableIndex<H> {
  /** Built when first needed after a start from a snapshot (tens of thousands of ids). */
  private byId: Map<string, H> | null = new Map();
  private idOf: ((held: H) => string) | null = null;
  private readonly lists = new Map<string, readonly H[]>();
  private list: readonly H[] | null = null;

  constructor(
    private readonly householdOf: (held: H) => string,
    /** Rows dated before this are not held (the contacts' window); '' holds all. */
    readonly from: string,
    /** The last change-log entry applied. */
    public seen: number,
  ) {}

  /** Fills an index just made (a load): one pass, no list copied per row. */
  fill(entries: Iterable<readonly [string, H]>): void {
    const byId = this.ids();
    const grown = new Map<string, H[]>();
    for (const [id, held] of entries) {
      byId.set(id, held);
      const household = this.householdOf(held);
      const list = grown.get(household);
      if (list) list.push(held);
      else grown.set(household, [held]);
    }
    for (const [household, list] of grown) this.lists.set(household, list);
    this.list = null;
  }

  /**
   * Fills an index just made from values already grouped by household (a snapshot), each
   * value's row named once; the values by id are found when first asked for, so a start
   * that only lists (the agenda) never builds them.
   */
  fillGroups(groups: Iterable<readonly [string, H[]]>, idOf: (held: H) => string): void {
    for (const [household, list] of groups) this.lists.set(household, list);
    this.byId = null;
    this.idOf = idOf;
    this.list = null;
  }

  private ids(): Map<string, H> {
    if (this.byId) return this.byId;
    const byId = new Map<string, H>();
    const idOf = this.idOf as (held: H) => string;
    for (const list of this.lists.values()) for (const held of list) byId.set(idOf(held), held);
    return (this.byId = byId);
  }

  /** Holds this value for the row, or forgets the row (null: deleted or not held). */
  set(id: string, held: H | null): void {
    const byId = this.ids();
    const before = byId.get(id);
    if (before === undefined && held === null) return;
    if (before !== undefined) {
      const household = this.householdOf(before);
      const left = this.ofHousehold(household).filter((h) => h !== before);
      if (left.length) this.lists.set(household, left);
      else this.lists.delete(household);
    }
    if (held !== null) {
      byId.set(id, held);
      const household = this.householdOf(held);
      this.lists.set(household, [...this.ofHousehold(household), held]);
    } else byId.delete(id);
    this.list = null;
  }

  get(id: string): H | undefined {
    return this.ids().get(id);
  }

  /** Every held value; never to be modified. */
  all(): readonly H[] {
    return (this.list ??= this.byId ? [...this.byId.values()] : [...this.lists.values()].flat());
  }

  /** The household's held values (one shared empty list when none); never to be modified. */
  ofHousehold(household: string): readonly H[] {
    return this.lists.get(household) ?? NONE;
  }

  householdIds(): IterableIterator<string> {
    return this.lists.keys();
  }
}
