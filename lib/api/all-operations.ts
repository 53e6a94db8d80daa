// Every management API operation, in the order the OpenAPI document lists them.
// A new route's operation is added here so it is documented.
import type { Operation } from "./operation";
import { healthOperation, openApiOperation } from "../health/operations";
import * as providers from "../providers/operations";
import * as keys from "../keys/operations";
import * as projects from "../projects/operations";
import { listUsageOperation } from "../usage/operations";
import { getSpendingOperation } from "../spending/operations";

export const allOperations: Operation[] = [
  healthOperation,
  openApiOperation,
  ...Object.values(projects),
  ...Object.values(providers),
  ...Object.values(keys),
  listUsageOperation,
  getSpendingOperation,
] as Operation[];
