/** The script-tag widget bundle, imported on demand by the loader. */
export { dispatch } from './dispatch.js';
export { adoptHost } from './adoptHost.js';
