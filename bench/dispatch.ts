// The dispatcher against the ElevenLabs simulator: dial rate, a capped campaign, the claim alone.
//
// Options: BENCH_DIAL_CALLS (default 2000), BENCH_DIAL_PARALLELISM (e.g. "10,25"; default
// DISPATCH_PARALLELISM or 10, and 25), BENCH_DIAL_LATENCY_MS (300, also the campaign's),
// BENCH_CAMPAIGN_CALLS (500), BENCH_CAMPAIGN_SECONDS (5), BENCH_CAMPAIGN_CAP (20),
// BENCH_CLAIM_ROWS (40000), BENCH_CLAIMERS (8), BENCH_CLAIM_LIMIT (50).
// Wall-clock times in this process, real HTTP to the simulator and back for the webhooks.
import type { Db } from "../lib/db";
import type { BenchDatabase, SuiteReport } from "./measure";
import { benchDialRate, dialSizes } from "./dial-rate";
import { benchCampaign, campaignSizes } from "./campaign";
import { benchClaimRate, claimSizes, GOAL_PER_SECOND } from "./claim-rate";

export async function benchDispatch(db: Db, database: BenchDatabase): Promise<SuiteReport> {
  const dial = await benchDialRate(db, database);
  const campaign = await benchCampaign(db, database);
  const claims = await benchClaimRate(db, database);
  const ratios: Record<string, number> = { campaignUtilization: campaign.utilization };
  for (const rate of dial.rates) ratios[`dialRateP${rate.parallelism}OverIdeal`] = rate.ratio;
  claims.forEach((claim, i) => (ratios[i === 0 ? "claimOneClinicOverGoal" : "claimManyClinicsOverGoal"] = claim.perSecond / GOAL_PER_SECOND));
  return {
    sizes: { ...dialSizes(), ...campaignSizes, ...claimSizes },
    results: claims.map((claim) => claim.latency),
    ratios,
    notes: [...dial.notes, ...(database.embedded ? ["PGlite runs one query at a time: dial rates, utilization and claim rates are not PostgreSQL's"] : [])],
    details: { dial: dial.rates, campaign, claims },
  };
}
