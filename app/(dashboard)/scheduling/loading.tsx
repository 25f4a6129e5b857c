import { Skeleton } from "@/components/ui/skeleton";

/** /scheduling while it loads: the same frame, batches and rows as skeletons. */
export default function SchedulingLoading() {
  return (
    <div role="status" aria-label="Loading scheduled calls">
      <div className="mb-6">
        <Skeleton className="h-7 w-40" />
        <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      </div>
      <div className="mb-8 grid gap-3 lg:grid-cols-2">
        {Array.from({ length: 2 }, (_, i) => (
          <div key={i} className="rounded-lg border border-zinc-200 bg-white p-4">
            <Skeleton className="h-4 w-48" />
            <Skeleton className="mt-2 h-3 w-64" />
            <Skeleton className="mt-4 h-2 w-full" />
          </div>
        ))}
      </div>
      <Skeleton className="mb-3 h-9 w-full" />
      <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
        <div className="h-9 border-b border-zinc-200 bg-zinc-50" />
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b border-zinc-100 px-4 py-3 last:border-0">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-4 w-32" />
            <Skeleton className="h-4 w-20" />
            <Skeleton className="ml-auto h-8 w-32" />
          </div>
        ))}
      </div>
    </div>
  );
}
