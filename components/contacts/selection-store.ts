"use client";

import { createContext, createElement, useContext, useState, type ReactNode } from "react";
import { createStore, useStore, type StoreApi } from "zustand";
import { contactMatchesSearch, type SearchableContact } from "@/lib/contacts/search-terms";

/** What a row needs for the selection to decide whether "all matching the search" covers it. */
export type SelectableContact = SearchableContact & { id: string };

/**
 * Which contacts are selected on /contacts — the one client store for this concern. Either contacts
 * chosen one by one, or "every contact matching the search q" (chosen with "Select all N matching"),
 * minus those unticked since, plus any ticked outside that search. Selections survive paging and
 * searching; nothing but ids and the search is kept, so selecting 100,000 contacts loads none of them.
 */
export interface ContactSelectionState {
  /** "All matching q" and how many matched when it was chosen (at least, when `capped`); null when selecting one by one. */
  filter: { q: string; total: number; capped?: boolean } | null;
  /** Ticked one by one and not covered by the filter (kept with their searchable fields). */
  included: ReadonlyMap<string, SelectableContact>;
  /** Covered by the filter but unticked. */
  excluded: ReadonlySet<string>;
  setSelected(rows: readonly SelectableContact[], selected: boolean): void;
  selectAllMatching(q: string, total: number, capped?: boolean): void;
  clear(): void;
}

export type ContactSelectionPayload = { ids: string[] } | { filter: { q: string }; excludeIds: string[]; includeIds: string[] };

type SelectionData = Pick<ContactSelectionState, "filter" | "included" | "excluded">;

const coveredByFilter = (state: SelectionData, row: SearchableContact) => state.filter !== null && contactMatchesSearch(row, state.filter.q);

export function isContactSelected(state: SelectionData, row: SelectableContact): boolean {
  return state.included.has(row.id) || (coveredByFilter(state, row) && !state.excluded.has(row.id));
}

export function selectedCount(state: SelectionData): number {
  return (state.filter ? Math.max(0, state.filter.total - state.excluded.size) : 0) + state.included.size;
}

/** The count as words show it: "10,012+" when the filter's count stopped at its cap. */
export function selectedCountText(state: SelectionData): string {
  return `${selectedCount(state).toLocaleString("en")}${state.filter?.capped ? "+" : ""}`;
}

/**
 * The selection as POST /api/scheduled-calls (or any server action on a selection) takes it; the server
 * resolves it with lib/contacts/resolve-contact-selection.ts.
 */
export function toSelectionPayload(state: SelectionData): ContactSelectionPayload {
  const includeIds = [...state.included.keys()];
  if (!state.filter) return { ids: includeIds };
  return { filter: { q: state.filter.q }, excludeIds: [...state.excluded], includeIds };
}

export function createContactSelectionStore(): StoreApi<ContactSelectionState> {
  return createStore<ContactSelectionState>()((set) => ({
    filter: null,
    included: new Map(),
    excluded: new Set(),
    setSelected: (rows, selected) =>
      set((state) => {
        const included = new Map(state.included);
        const excluded = new Set(state.excluded);
        for (const row of rows) {
          if (coveredByFilter(state, row)) {
            if (selected) excluded.delete(row.id);
            else excluded.add(row.id);
          } else if (selected) {
            included.set(row.id, { id: row.id, name: row.name, email: row.email, businessName: row.businessName, phoneNumber: row.phoneNumber });
          } else {
            included.delete(row.id);
          }
        }
        return { included, excluded };
      }),
    selectAllMatching: (q, total, capped = false) =>
      set((state) => {
        const filter = { q, total, capped };
        // Contacts ticked one by one stay selected; those the search covers are now part of it.
        const included = new Map([...state.included].filter(([, row]) => !contactMatchesSearch(row, q)));
        return { filter, included, excluded: new Set() };
      }),
    clear: () => set({ filter: null, included: new Map(), excluded: new Set() }),
  }));
}

const SelectionContext = createContext<StoreApi<ContactSelectionState> | null>(null);

/**
 * One store per mounted page (never module-wide: a server render must not share it between
 * requests). Key it by organization so switching clinics starts with nothing selected.
 */
export function ContactSelectionProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createContactSelectionStore);
  return createElement(SelectionContext.Provider, { value: store }, children);
}

export function useContactSelection<T>(selector: (state: ContactSelectionState) => T): T {
  const store = useContext(SelectionContext);
  if (!store) throw new Error("useContactSelection must be used inside <ContactSelectionProvider>.");
  return useStore(store, selector);
}
