/** A device as an admin tells it apart: its browser (with major version) and its system. */
export type DeviceKind = { browser: string; system: string };

// Order matters: Edge, Opera and Samsung's browser also say "Chrome"; Chrome says "Safari".
const BROWSERS: readonly [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/OPR\/(\d+)/, 'Opera'],
  [/SamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/Firefox\/(\d+)|FxiOS\/(\d+)/, 'Firefox'],
  [/Chrome\/(\d+)|CriOS\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
];

const SYSTEMS: readonly [RegExp, string][] = [
  [/Android (\d+)/, 'Android'],
  // Each with its version first: "(iPhone; CPU iPhone OS 17_5" names the phone before it.
  [/iPhone OS (\d+)/, 'iOS'],
  [/iPhone/, 'iOS'],
  [/iPad.*? OS (\d+)/, 'iPadOS'],
  [/iPad/, 'iPadOS'],
  [/CrOS/, 'ChromeOS'],
  [/Windows NT/, 'Windows'],
  [/Mac OS X/, 'macOS'],
  [/Linux/, 'Linux'],
];

const versioned = (ua: string, table: readonly [RegExp, string][]): string | null => {
  for (const [pattern, name] of table) {
    const m = pattern.exec(ua);
    if (!m) continue;
    const version = m.slice(1).find((v) => v !== undefined);
    return version ? `${name} ${version}` : name;
  }
  return null;
};

/**
 * Names a device from the browser's user-agent string it signed in with ("Chrome 150",
 * "Android 14"); one it cannot read is given back shortened, not hidden.
 */
export const describeUserAgent = (ua: string): DeviceKind => {
  const browser = versioned(ua, BROWSERS);
  const system = versioned(ua, SYSTEMS);
  if (!browser && !system) return { browser: ua.trim().slice(0, 40), system: '' };
  return { browser: browser ?? '', system: system ?? '' };
};
