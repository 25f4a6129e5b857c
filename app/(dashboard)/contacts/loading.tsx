import { Skeleton } from "@/components/ui/skeleton";

/** The contacts page while its first page loads: the same frame as the real one, rows as skeletons. */
export default function ContactsLoading() {
  return (
    <div role="status" aria-label="Loading contacts">
      <div className="mb-6 flex items-end justify-between gap-3">
        <div>
          <Skeleton className="h-7 w-40" />
          <Skeleton className="mt-2 h-4 w-72" />
        </div>
        <div className="hidden gap-2 sm:flex">
          <Skeleton className="h-9 w-28" />
          <Skeleton className="h-9 w-28" />
          <Skeleton className="h-9 w-32" />
        </div>
      </div>
      <div className="mb-4 flex gap-3">
        <Skeleton className="h-9 flex-1" />
        <Skeleton className="h-9 w-40" />
      </div>
      <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
        <div className="h-9 border-b border-zinc-200 bg-zinc-50" />
        {Array.from({ length: 10 }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b border-zinc-100 px-4 py-3 last:border-0">
            <Skeleton className="size-4" />
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-4 w-28" />
            <Skeleton className="hidden h-4 w-48 md:block" />
            <Skeleton className="hidden h-4 w-32 lg:block" />
            <Skeleton className="ml-auto h-8 w-16" />
          </div>
        ))}
      </div>
    </div>
  );
}
