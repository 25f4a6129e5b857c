import { describe, expect, it } from "vitest";
import { screenContacts } from "@/lib/scheduling/plan-batch";
import { planSequence } from "@/lib/scheduling/plan-sequence";
import { planContact, SYDNEY_RULES } from "../../factories/scheduling";

describe("screenContacts: consent", () => {
  it("skips a contact whose consent is none with the reason, like do-not-call; not recorded, care reminders and marketing are called", () => {
    const [none, unrecorded, reminders, marketing, listed] = [
      planContact({ name: "Nora None", consentBasis: "NONE" }),
      planContact({ name: "Una Unrecorded", consentBasis: null }),
      planContact({ name: "Cara Care", consentBasis: "CARE_REMINDERS" }),
      planContact({ name: "Mo Market", consentBasis: "MARKETING" }),
      planContact({ name: "Dee Listed", consentBasis: "NONE", doNotCall: true, doNotCallReason: "Asked on 3 Nov" }),
    ];
    const { callable, skipped } = screenContacts([none!, unrecorded!, reminders!, marketing!, listed!], SYDNEY_RULES);
    expect(callable.map(({ contact }) => contact.name)).toEqual(["Una Unrecorded", "Cara Care", "Mo Market"]);
    expect(skipped).toEqual([
      { contactId: none!.id, name: "Nora None", reason: "No consent (agreed to no calls)" },
      // One reason per contact: the list is named first.
      { contactId: listed!.id, name: "Dee Listed", reason: "On the do-not-call list (Asked on 3 Nov)" },
    ]);
  });

  it("a sequence skips them too, numbering the rest without gaps", () => {
    const { planned, skipped } = planSequence([planContact({ name: "Nora", consentBasis: "NONE" }), planContact({ name: "Ann" })], SYDNEY_RULES, {
      start: new Date("2026-12-02T14:00:00+11:00"),
    });
    expect(planned.map((step) => [step.name, step.sequenceIndex])).toEqual([["Ann", 1]]);
    expect(skipped.map((s) => [s.name, s.reason])).toEqual([["Nora", "No consent (agreed to no calls)"]]);
  });
});
