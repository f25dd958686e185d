/**
 * A wide table that scrolls sideways inside itself instead of widening the page, with its first
 * column (what each row is) kept in view. Focusable, so a keyboard can scroll it too.
 */
export function ScrollTable({ label, children, className = "" }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div role="group" aria-label={`${label} (scrolls sideways)`} tabIndex={0} className={`table-sticky-first max-w-full overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
