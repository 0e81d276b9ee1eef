/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the Parley backend, baked in at build time. */
  readonly VITE_PARLEY_ENDPOINT?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
