import { describe, expect, it } from "vitest";
import { createContactSelectionStore, isContactSelected, selectedCount, selectedCountText, toSelectionPayload } from "@/components/contacts/selection-store";

const row = (id: string, name: string) => ({ id, name, email: null, businessName: null, phoneNumber: `+6149157${id.padStart(4, "0")}` });
const jane = row("1", "Jane Smith");
const john = row("2", "John Smith");
const sam = row("3", "Sam Nguyen");
const kim = row("4", "Kim Lee");

describe("contact selection store", () => {
  it("keeps rows ticked one by one across pages and searches, and hands over their ids", () => {
    const store = createContactSelectionStore();
    store.getState().setSelected([jane], true); // page 1
    store.getState().setSelected([sam, kim], true); // page 2, another search
    store.getState().setSelected([kim], false);
    const state = store.getState();
    expect(selectedCount(state)).toBe(2);
    expect([jane, john, sam, kim].map((r) => isContactSelected(state, r))).toEqual([true, false, true, false]);
    expect(toSelectionPayload(state)).toEqual({ ids: ["1", "3"] });
  });

  it("selects everyone matching a search by filter, minus those unticked, plus those ticked outside it", () => {
    const store = createContactSelectionStore();
    store.getState().setSelected([sam, jane], true);
    store.getState().selectAllMatching("smith", 120);
    expect(selectedCount(store.getState())).toBe(121); // Jane is now part of the filter; Sam stays on his own
    store.getState().setSelected([john], false); // untick one the filter covers
    store.getState().setSelected([kim], true); // tick one outside the search
    const state = store.getState();
    expect([jane, john, sam, kim].map((r) => isContactSelected(state, r))).toEqual([true, false, true, true]);
    expect(selectedCount(state)).toBe(121);
    expect(toSelectionPayload(state)).toEqual({ filter: { q: "smith" }, excludeIds: ["2"], includeIds: ["3", "4"] });
  });

  it("ticking an unticked filter row again removes it from the exclusions; clear empties everything", () => {
    const store = createContactSelectionStore();
    store.getState().selectAllMatching("", 200);
    store.getState().setSelected([jane, john], false);
    store.getState().setSelected([jane], true);
    expect(toSelectionPayload(store.getState())).toEqual({ filter: { q: "" }, excludeIds: ["2"], includeIds: [] });
    expect(selectedCount(store.getState())).toBe(199);
    store.getState().clear();
    expect(selectedCount(store.getState())).toBe(0);
    expect(toSelectionPayload(store.getState())).toEqual({ ids: [] });
  });

  it("gives every page its own store", () => {
    const a = createContactSelectionStore();
    const b = createContactSelectionStore();
    a.getState().setSelected([jane], true);
    expect(selectedCount(b.getState())).toBe(0);
  });

  it('says "1,000+" when everyone matching a search whose count stopped at its cap is selected', () => {
    const store = createContactSelectionStore();
    store.getState().selectAllMatching("smith", 1_000);
    expect(selectedCountText(store.getState())).toBe("1,000");
    store.getState().selectAllMatching("smith", 1_000, true);
    store.getState().setSelected([sam], true);
    expect(selectedCountText(store.getState())).toBe("1,001+");
    expect(toSelectionPayload(store.getState())).toEqual({ filter: { q: "smith" }, excludeIds: [], includeIds: ["3"] });
    store.getState().clear();
    expect(selectedCountText(store.getState())).toBe("0");
  });
});
