"use client";

import { useState } from "react";
import { CalendarClock } from "lucide-react";
import { Button } from "@/components/ui/button";
import { selectedCount, selectedCountText, useContactSelection } from "@/components/contacts/selection-store";
import type { ClinicZone } from "@/components/scheduling/clinic-time";
import { ScheduleCallsDialog, type ScheduleDefaults } from "@/components/scheduling/schedule-calls-dialog";

/** "Schedule Calls (3)" while contacts are selected; the dialog (and its preview) mounts only when opened. */
export function ScheduleCallsButton({ zone, defaults, onScheduled }: { zone: ClinicZone; defaults: ScheduleDefaults; onScheduled: () => void }) {
  const count = useContactSelection(selectedCount);
  const countText = useContactSelection(selectedCountText);
  const [open, setOpen] = useState(false);
  return (
    <>
      {count > 0 ? (
        <Button onClick={() => setOpen(true)}>
          <CalendarClock aria-hidden="true" />
          Schedule Calls ({countText})
        </Button>
      ) : null}
      {open ? <ScheduleCallsDialog zone={zone} defaults={defaults} onClose={() => setOpen(false)} onScheduled={onScheduled} /> : null}
    </>
  );
}
