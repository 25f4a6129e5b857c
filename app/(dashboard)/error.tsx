"use client";

import { useEffect } from "react";
import { AlertTriangle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <EmptyState icon={AlertTriangle} title="This page didn’t load" action={<Button onClick={reset}>Try again</Button>}>
      <p>Something went wrong on our side. Try again; if it keeps happening, tell support{error.digest ? ` the reference ${error.digest}` : ""}.</p>
    </EmptyState>
  );
}
