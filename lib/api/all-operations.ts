// Every management API operation, in the order the OpenAPI document lists them.
// A new route's operation is added here so it is documented.
import type { Operation } from "./operation";
import { healthOperation, openApiOperation } from "../health/operations";
import * as providers from "../providers/operations";
import * as keys from "../keys/operations";
import * as projects from "../projects/operations";
import * as organizations from "../organizations/operations";
import * as routing from "../routing/operations";
import * as balance from "../balance/operations";
import * as members from "../members/operations";
import * as setup from "../setup/operations";
import * as managementTokens from "../management-tokens/operations";
import { listAuditLogOperation } from "../audit-log/service";
import * as telemetry from "../telemetry/operations";
import { testProviderConnectionOperation } from "../providers/test-connection";
import { listRoutesOperation } from "../routes/operations";
import { getOverviewOperation } from "../overview/operations";
import { getUsageOperation, listUsageOperation } from "../usage/operations";
import { exportSpendingOperation, getKeyHoldsOperation, getSpendingOperation } from "../spending/operations";
import * as cli from "../cli-sessions/operations";

// Domain modules also export schemas; only operation objects are kept.
export const allOperations: Operation[] = ([
  healthOperation,
  openApiOperation,
  ...Object.values(setup),
  ...Object.values(telemetry),
  ...Object.values(organizations),
  ...Object.values(projects),
  ...Object.values(members),
  ...Object.values(providers),
  testProviderConnectionOperation,
  ...Object.values(routing),
  listRoutesOperation,
  ...Object.values(keys),
  ...Object.values(balance),
  listUsageOperation,
  getUsageOperation,
  getSpendingOperation,
  exportSpendingOperation,
  getKeyHoldsOperation,
  getOverviewOperation,
  ...Object.values(managementTokens),
  listAuditLogOperation,
  ...Object.values(cli),
] as unknown[]).filter(isOperation);

function isOperation(value: unknown): value is Operation {
  const candidate = value as Partial<Operation> | null;
  return typeof candidate?.method === "string" && typeof candidate.path === "string" && candidate.path.startsWith("/api/");
}
