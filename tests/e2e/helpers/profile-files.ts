import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    try {
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    } catch {
      return []; // removed while listing (a journal, a lock)
    }
  });

/** The files of a browser profile that hold `text`, raw in UTF-8 or UTF-16LE. */
export const filesHolding = (profile: string, text: string): string[] => {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  return filesUnder(profile).filter((file) => {
    try {
      const bytes = readFileSync(file);
      return needles.some((n) => bytes.includes(n));
    } catch {
      return false;
    }
  });
};
