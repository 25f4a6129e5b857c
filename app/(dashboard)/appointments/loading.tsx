import { Skeleton } from "@/components/ui/skeleton";

/** /appointments while it loads: the header, the view switch and rows as skeletons. */
export default function AppointmentsLoading() {
  return (
    <div role="status" aria-label="Loading appointments">
      <div className="mb-6">
        <Skeleton className="h-7 w-40" />
        <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      </div>
      <Skeleton className="mb-4 h-8 w-72" />
      <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b border-zinc-100 px-4 py-3 last:border-0">
            <Skeleton className="h-4 w-32" />
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-4 w-20" />
            <Skeleton className="ml-auto h-8 w-40" />
          </div>
        ))}
      </div>
    </div>
  );
}
