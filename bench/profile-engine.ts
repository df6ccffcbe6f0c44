import { structureWorkbook } from '../src/engine/structure';
import { validatePlan } from '../src/engine/validate';
import { generatePlan } from './generate';
const n = Number(process.argv[2] ?? 50000);
const model = generatePlan(n, 'dudley');
let t = Date.now();
const result = structureWorkbook(model, { today: '2026-01-15', planStart: '2025-04-01' });
console.log('structure', Date.now() - t);
t = Date.now(); validatePlan(result, { today: '2026-01-15' }); console.log('validate', Date.now() - t);
