"use client";

import { useState } from "react";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { ClinicZone } from "@/components/scheduling/clinic-time";
import { nextQuarterHour } from "@/components/scheduling/wall-clock";
import { AppointmentDialog } from "@/components/appointments/appointment-dialog";

export function NewAppointmentButton({ zone, date }: { zone: ClinicZone; date: string }) {
  const [open, setOpen] = useState(false);
  const [initial, setInitial] = useState({ date, time: "09:00" });
  return (
    <>
      <Button
        onClick={() => {
          const next = nextQuarterHour(Date.now(), zone.timeZone);
          // Today or a day already gone (a past day's view) starts at the next quarter hour: a past start is refused.
          setInitial(next.date >= date ? next : { date, time: "09:00" });
          setOpen(true);
        }}
      >
        <Plus className="size-4" aria-hidden />
        New appointment
      </Button>
      {open ? <AppointmentDialog zone={zone} initial={initial} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
