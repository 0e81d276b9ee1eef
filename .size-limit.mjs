// Size budgets are code (DESIGN rule 10). The checks are computed from the build: see
// scripts/sizeChecks.mjs. `npm run build && npm run size`; the README's table states the numbers.
import { sizeChecks } from './scripts/sizeChecks.mjs';

export default await sizeChecks();
