"use client";

import { Button } from "@/components/ui/button";
import { isContactSelected, selectedCount, selectedCountText, useContactSelection } from "@/components/contacts/selection-store";
import { countText } from "@/components/contacts/count-text";
import type { ContactRow } from "@/components/contacts/types";

const number = (n: number) => n.toLocaleString("en");

/** "(3 selected)" beside the page title; announced politely as it changes. */
export function SelectedCount() {
  const count = useContactSelection(selectedCount);
  const text = useContactSelection(selectedCountText);
  return (
    <span aria-live="polite" className="text-base font-normal text-zinc-500 tabular-nums">
      {count > 0 ? `(${text} selected)` : null}
    </span>
  );
}

/**
 * The bar above the table while something is selected: how much, how to widen it to everyone the
 * search matches (Gmail's "select all conversations that match this search"), and how to clear it.
 */
export function SelectionBanner({ rows, total, totalCapped = false, q }: { rows: ContactRow[]; total: number; totalCapped?: boolean; q: string }) {
  const count = useContactSelection(selectedCount);
  const countLabel = useContactSelection(selectedCountText);
  const filter = useContactSelection((state) => state.filter);
  const excluded = useContactSelection((state) => state.excluded.size);
  const included = useContactSelection((state) => state.included.size);
  const pageFullySelected = useContactSelection((state) => rows.length > 0 && rows.every((row) => isContactSelected(state, row)));
  const selectAllMatching = useContactSelection((state) => state.selectAllMatching);
  const clear = useContactSelection((state) => state.clear);

  if (count === 0) return null;
  const everyone = q ? `all ${countText(total, totalCapped)} contacts matching “${q}”` : `all ${countText(total, totalCapped)} contacts`;
  const filterIsThisSearch = filter !== null && filter.q === q;

  let message: string;
  if (filter) {
    const matching = filter.q ? `all contacts matching “${filter.q}”` : "all contacts";
    message = `${countLabel} selected: ${matching}${excluded ? `, except ${number(excluded)} you unticked` : ""}${included ? `, plus ${number(included)} chosen one by one` : ""}.`;
  } else {
    message =
      pageFullySelected && total > rows.length
        ? `All ${number(rows.length)} contacts on this page are selected (${number(count)} in all).`
        : `${number(count)} selected.`;
  }

  return (
    <div
      role="region"
      aria-label="Selection"
      className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-brand-200 bg-brand-50 px-4 py-2 text-sm text-brand-800"
    >
      <span className="tabular-nums">{message}</span>
      {!filterIsThisSearch && pageFullySelected && total > rows.length ? (
        <Button
          variant="ghost"
          size="sm"
          className="text-brand-700 underline-offset-4 hover:bg-brand-100 hover:underline"
          onClick={() => selectAllMatching(q, total, totalCapped)}
        >
          Select {everyone}
        </Button>
      ) : null}
      <Button variant="ghost" size="sm" className="ml-auto text-brand-700 hover:bg-brand-100" onClick={clear}>
        Clear selection
      </Button>
    </div>
  );
}
