import type { Random } from './random.js';

export type Mutation = 'truncate' | 'not-json' | 'drop-key' | 'wrong-type' | 'wrong-root' | 'bad-number' | 'huge-string' | 'null-field';

export interface Mutated {
  kind: Mutation;
  body: string;
}

type Path = Array<string | number>;

/**
 * Turns a valid Protocol v1 reply into one that is not: cut JSON, a missing or retyped field, a
 * wrong root, an impossible seq. `isValid` is the protocol's own check, so a mutation that happens
 * to stay valid (an optional field removed, say) is replaced by another.
 */
export function mutateJson(valid: unknown, random: Random, isValid: (value: unknown) => boolean): Mutated {
  for (let attempt = 0; attempt < 20; attempt++) {
    const kind = random.pick<Mutation>(['truncate', 'not-json', 'drop-key', 'wrong-type', 'wrong-root', 'bad-number', 'huge-string', 'null-field']);
    const result = apply(kind, valid, random);
    if (result === null) continue;
    if (kind === 'truncate' || kind === 'not-json') return { kind, body: result };
    if (!isValid(JSON.parse(result))) return { kind, body: result };
  }
  const text = JSON.stringify(valid);
  return { kind: 'truncate', body: text.slice(0, Math.max(1, text.length - 1)) };
}

function apply(kind: Mutation, valid: unknown, random: Random): string | null {
  const text = JSON.stringify(valid);
  const copy = JSON.parse(text) as unknown;
  switch (kind) {
    case 'truncate':
      return text.slice(0, random.int(1, text.length - 1));
    case 'not-json':
      return random.pick(['<html><body>502 Bad Gateway</body></html>', 'OK', '{"a":', '\u0000\u0001', 'undefined', "{'single': 'quotes'}"]);
    case 'wrong-root':
      return JSON.stringify(random.pick<unknown>([[], [copy], 'message', 42, null, true, {}]));
    case 'drop-key':
    case 'wrong-type':
    case 'null-field': {
      const paths = collect(copy, []).filter((p) => p.length > 0);
      if (paths.length === 0) return null;
      const path = random.pick(paths);
      const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
      const key = path[path.length - 1]!;
      if (kind === 'drop-key') {
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
      } else if (kind === 'null-field') {
        parent[key] = null;
      } else {
        parent[key] = retype(parent[key], random);
      }
      return JSON.stringify(copy);
    }
    case 'bad-number': {
      const paths = collect(copy, []).filter((p) => typeof at(copy, p) === 'number');
      if (paths.length === 0) return null;
      const path = random.pick(paths);
      const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
      parent[path[path.length - 1]!] = random.pick<unknown>([-1, 0, 1.5, '7', 1e300, -0.5]);
      return JSON.stringify(copy);
    }
    case 'huge-string': {
      const paths = collect(copy, []).filter((p) => typeof at(copy, p) === 'string');
      if (paths.length === 0) return null;
      const path = random.pick(paths);
      const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
      parent[path[path.length - 1]!] = 'x'.repeat(25000);
      return JSON.stringify(copy);
    }
  }
}

function retype(value: unknown, random: Random): unknown {
  if (typeof value === 'string') return random.pick<unknown>([42, true, ['a'], { s: value }]);
  if (typeof value === 'number') return random.pick<unknown>([String(value), false, [value]]);
  if (typeof value === 'boolean') return random.pick<unknown>(['true', 1, {}]);
  if (Array.isArray(value)) return random.pick<unknown>(['[]', { length: value.length }, 3]);
  if (value && typeof value === 'object') return random.pick<unknown>(['[object Object]', [value], 0]);
  return random.pick<unknown>([{}, [], 'null']);
}

function collect(value: unknown, path: Path): Path[] {
  const out: Path[] = [path];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...collect(item, [...path, i])));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) out.push(...collect(item, [...path, key]));
  return out;
}

function at(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) current = (current as Record<string | number, unknown>)[key];
  return current;
}
