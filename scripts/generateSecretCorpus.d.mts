/** The ordinary-message corpus, rebuilt from its seed: the fixture file must equal it. */
export function buildCorpus(seed?: number): string[];
