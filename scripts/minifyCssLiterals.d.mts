import type { Plugin } from 'esbuild';

export function minifyCssIn(source: string): Promise<string>;
export function minifyCssLiterals(): Plugin;
