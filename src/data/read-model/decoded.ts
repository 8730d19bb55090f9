import { decodeRecord, vaultEpoch } from '../crypto/vault';

/**
 * Records decrypted from held rows, by the row object: a held row is replaced when its
 * record changes, so an unchanged row is decrypted once however often screens read it. The
 * records are frozen, as the rows are. Forgotten whenever the vault's key changes or goes:
 * a locked app keeps nothing readable in memory.
 */
let records = new WeakMap<object, Promise<unknown>>();
let epoch = vaultEpoch();

const frozen = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const v of Object.values(value)) frozen(v);
  }
  return value;
};

export const decodeHeld = <T>(row: object): Promise<T> => {
  if (epoch !== vaultEpoch()) {
    records = new WeakMap();
    epoch = vaultEpoch();
  }
  let record = records.get(row) as Promise<T> | undefined;
  if (!record) {
    const into = records;
    record = decodeRecord<T>(row).then(frozen);
    into.set(row, record);
    // A failure (the vault locked meanwhile) is not remembered.
    record.catch(() => into.delete(row));
  }
  return record;
};

export const decodeAllHeld = <T>(rows: readonly object[]): Promise<T[]> =>
  Promise.all(rows.map((r) => decodeHeld<T>(r)));
