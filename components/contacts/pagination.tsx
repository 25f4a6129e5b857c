"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { countText } from "@/components/contacts/count-text";

/** Previous / next by keyset cursor, with where we are in words. */
export function Pagination({
  pageNumber,
  pageSize,
  shown,
  total,
  totalCapped = false,
  pending,
  onPrevious,
  onNext,
}: {
  pageNumber: number;
  pageSize: number;
  shown: number;
  total: number;
  /** More than `total` match: the last page is not known, so "page 3", not "page 3 of N". */
  totalCapped?: boolean;
  pending: boolean;
  onPrevious?: () => void;
  onNext?: () => void;
}) {
  if (!onPrevious && !onNext) {
    return shown > 0 ? (
      <p className="mt-3 text-xs text-zinc-500 tabular-nums">{total === 1 ? "1 contact" : `All ${total.toLocaleString("en")} contacts shown`}</p>
    ) : null;
  }
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = (pageNumber - 1) * pageSize + 1;
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center justify-between gap-3">
      <p className="text-xs text-zinc-500 tabular-nums">
        {shown > 0 && (totalCapped || from <= total)
          ? totalCapped
            ? `${from.toLocaleString("en")}–${(from + shown - 1).toLocaleString("en")} of ${countText(total, true)} · page ${pageNumber.toLocaleString("en")}`
            : `${from.toLocaleString("en")}–${Math.min(from + shown - 1, total).toLocaleString("en")} of ${total.toLocaleString("en")} · page ${pageNumber.toLocaleString("en")} of ${pages.toLocaleString("en")}`
          : `${countText(total, totalCapped)} contacts`}
      </p>
      <div className="flex gap-2">
        <Button variant="outline" size="sm" onClick={onPrevious} disabled={!onPrevious || pending} aria-label="Previous page">
          <ChevronLeft aria-hidden="true" />
          Previous
        </Button>
        <Button variant="outline" size="sm" onClick={onNext} disabled={!onNext || pending} aria-label="Next page">
          Next
          <ChevronRight aria-hidden="true" />
        </Button>
      </div>
    </nav>
  );
}
