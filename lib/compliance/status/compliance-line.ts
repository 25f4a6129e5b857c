/** One line of the compliance panel: what it is, whether it is in force, and the facts in plain words. */
export interface ComplianceLine {
  label: string;
  on: boolean;
  detail: string;
}

export interface ComplianceContext {
  organizationId: string;
  now: Date;
}

/** Produces one line (or null when it does not apply to this clinic). */
export type ComplianceLineProducer = (context: ComplianceContext) => Promise<ComplianceLine | null>;
