/**
 * Terraform readers: HCL modules (`readTerraformModule`, after `loadTerraformParser()`) and
 * `terraform show -json` plan files (`isTerraformPlan`, `readTerraformPlan`).
 */
export { readTerraformModule } from './module.js';
export { isTerraformParserLoaded, loadTerraformParser } from './parser.js';
export { isTerraformPlan, readTerraformPlan } from './plan.js';
