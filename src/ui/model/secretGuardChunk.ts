// The secret guard's code as its own chunk: detection is only needed when the visitor sends,
// and the BIP-39 list inside it is a further chunk fetched only for texts that could hold one.
// Imported from the secrets folder, not through src/core/index.ts: esbuild puts everything a
// lazy chunk reaches through the shared core barrel into the shared (eagerly loaded) chunk.
export { compileSecretPatterns, createSecretGuard } from '../../core/secrets/index.js';
