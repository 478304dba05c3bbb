/**
 * Every table, as the shared queries (db/queries) use them: the chosen database's
 * (db/dialect.ts). Typed as SQLite's; PostgreSQL's have the same names, columns and row types
 * (db/pg/schema-drift.test.ts), and the query builder the queries use is the same on both.
 */
import { dialect } from "./dialect";
import * as pg from "./pg/schema";
import * as sqlite from "./sqlite/schema";

export * from "./enums";
export type {
  AlertChannelRow,
  AlertRow,
  AlertDeliveryRow,
  UserRow,
  AuditRow,
  PackageRow,
  TopupRow,
  HistoryRow,
  WithdrawalRow,
  ReviewItemRow,
  ApprovalRow,
  UpstreamCallRow,
  CallbackRow,
  CallbackHeaders,
} from "./sqlite/schema";

const chosen = (dialect === "postgres" ? pg : sqlite) as unknown as typeof sqlite;

export const alertChannels = chosen.alertChannels;
export const alerts = chosen.alerts;
export const alertDeliveries = chosen.alertDeliveries;
export const alertDigests = chosen.alertDigests;
export const heartbeats = chosen.heartbeats;
export const users = chosen.users;
export const auditLog = chosen.auditLog;
export const signInFailures = chosen.signInFailures;
export const packages = chosen.packages;
export const topups = chosen.topups;
export const statusHistory = chosen.statusHistory;
export const reconcilerPasses = chosen.reconcilerPasses;
export const leases = chosen.leases;
export const withdrawals = chosen.withdrawals;
export const settings = chosen.settings;
export const topupHours = chosen.topupHours;
export const topupDurations = chosen.topupDurations;
export const withdrawalHours = chosen.withdrawalHours;
export const warningStates = chosen.warningStates;
export const reviewItems = chosen.reviewItems;
export const approvals = chosen.approvals;
export const upstreamCalls = chosen.upstreamCalls;
export const callbacks = chosen.callbacks;
export const appliedEvents = chosen.appliedEvents;
export const refusedCallbackTally = chosen.refusedCallbackTally;
export const balanceSnapshots = chosen.balanceSnapshots;
