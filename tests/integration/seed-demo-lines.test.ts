import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { hashSecretToken } from "@/lib/auth/secret-token";
import { resolveDialLine } from "@/lib/agents/resolve-dial-line";
import { seed } from "@/prisma/seed";
import { configureDemoAgentTools } from "@/scripts/dev/demo-agent-tools";

/** A stand-in for the simulator's POST /_simulator/config: keeps the bodies it was sent. */
async function fakeSimulator() {
  const bodies: Array<{ agentTools: Record<string, unknown> }> = [];
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString()));
    req.on("end", () => {
      bodies.push(JSON.parse(text) as { agentTools: Record<string, unknown> });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe("demo seed: each clinic's own agent and number", () => {
  it("registers the demo agent and number of both clinics once, so their default dial line resolves", async () => {
    await seed(getDb());
    await seed(getDb());
    const db = getDb();
    const orgs = await db.organization.findMany({
      where: { slug: { in: ["sunrise-family-clinic", "harbour-physiotherapy"] } },
      select: { id: true, slug: true },
    });
    expect(orgs).toHaveLength(2);
    for (const org of orgs) {
      expect(await db.voiceAgent.count({ where: { organizationId: org.id } })).toBe(1);
      expect(await db.phoneNumber.count({ where: { organizationId: org.id } })).toBe(1);
    }
    const sunrise = orgs.find((o) => o.slug === "sunrise-family-clinic")!;
    const harbour = orgs.find((o) => o.slug === "harbour-physiotherapy")!;
    expect(await resolveDialLine(db, sunrise.id)).toEqual({
      agentId: "agent_sim_sunrise_reception",
      agentPhoneNumberId: "phnum_sim_sunrise_main",
      fromNumber: "+61255508000",
    });
    expect(await resolveDialLine(db, harbour.id)).toEqual({
      agentId: "agent_sim_harbour_front_desk",
      agentPhoneNumberId: "phnum_sim_harbour_main",
      fromNumber: "+61370108000",
    });
    // The clinic's own numbers are not among its demo contacts (the patient on the line is the other one).
    expect(await db.contact.count({ where: { phoneNumber: { in: ["+61255508000", "+61370108000"] } } })).toBe(0);
  });

  it("npm run dev's demo tools give the seeded (tokenless) agents a token the simulator gets, and keep it on the next start", async () => {
    await seed(getDb());
    const simulator = await fakeSimulator();
    const tokenFile = join(await mkdtemp(join(tmpdir(), "callboard-demo-tools-")), "agent-tokens.json");
    const options = { databaseUrl: process.env.DATABASE_URL!, appUrl: "http://127.0.0.1:3000", simulatorUrl: simulator.url, tokenFile, log: () => {} };
    try {
      await configureDemoAgentTools(options);
      await configureDemoAgentTools(options);
    } finally {
      await simulator.close();
    }
    const saved = JSON.parse(await readFile(tokenFile, "utf8")) as Record<string, string>;
    const agents = await getDb().voiceAgent.findMany({
      where: { agentId: { in: ["agent_sim_sunrise_reception", "agent_sim_harbour_front_desk"] } },
      select: { organizationId: true, agentId: true, tokenHash: true, name: true },
    });
    expect(agents).toHaveLength(2);
    for (const agent of agents) {
      const token = saved[`${agent.organizationId}:${agent.agentId}`];
      expect(token, agent.agentId).toBeTruthy();
      expect(agent.tokenHash).toBe(hashSecretToken(token!));
    }
    // Both starts hand both agents' tools to the simulator; the second with the same tokens.
    expect(simulator.bodies).toHaveLength(2);
    expect(Object.keys(simulator.bodies[0]!.agentTools).sort()).toEqual(["agent_sim_harbour_front_desk", "agent_sim_sunrise_reception"]);
    expect(simulator.bodies[1]).toEqual(simulator.bodies[0]);
    expect(await getDb().voiceAgent.count()).toBe(2);
  });
});
