"use client";
// A modal dialog on the native <dialog> element: the browser traps focus,
// makes the page behind inert, closes on Escape and returns focus to the
// control that opened it. The first field (or [data-autofocus]) gets focus,
// on opening and again when the dialog moves to another step (its title changes).
import { useEffect, useId, useRef, type ReactNode } from "react";

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Wider dialogs for forms with tables (prices, routing members). */
  size?: "sm" | "md" | "lg";
  /** "side": a full-height drawer on the right (details beside a list), else centred. */
  placement?: "center" | "side";
}

const FOCUSABLE = "input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href]";

const WIDTHS = { sm: "max-w-md", md: "max-w-xl", lg: "max-w-3xl" } as const;

const PLACEMENTS = {
  center: { dialog: "m-auto w-[calc(100%-2rem)] rounded-xl", body: "max-h-[85dvh]" },
  side: { dialog: "my-0 ml-auto mr-0 h-dvh max-h-dvh w-full rounded-none sm:w-[calc(100%-2rem)]", body: "h-full" },
} as const;

export function Dialog({ open, onClose, title, description, children, size = "md", placement = "center" }: DialogProps) {
  const reference = useRef<HTMLDialogElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const pressedBackdrop = useRef(false);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = reference.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // Browsers differ on what showModal() focuses; the first field (or action) is what a keyboard user expects.
      const first = body.current?.querySelector<HTMLElement>("[data-autofocus]") ?? body.current?.querySelector<HTMLElement>(FOCUSABLE);
      first?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // A dialog that moves to its next step (a form, then its result) swaps its content: the focused
  // control is gone, so focus goes to the new content's first control instead of the page.
  const shownTitle = useRef(title);
  useEffect(() => {
    if (shownTitle.current === title) return;
    shownTitle.current = title;
    if (!open) return;
    const first = body.current?.querySelector<HTMLElement>("[data-autofocus]") ?? body.current?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
  }, [title, open]);

  return (
    <dialog
      ref={reference}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={() => open && onClose()}
      // A click on the backdrop lands on the <dialog> itself; a text selection
      // dragged out of a field must not count, so the press has to start there too.
      onPointerDown={(event) => {
        pressedBackdrop.current = event.target === event.currentTarget;
      }}
      onClick={(event) => {
        if (pressedBackdrop.current && event.target === event.currentTarget) onClose();
      }}
      className={`${PLACEMENTS[placement].dialog} ${WIDTHS[size]} border border-border bg-surface p-0 text-foreground shadow-2xl backdrop:bg-black/50 backdrop:backdrop-blur-[1px]`}
    >
      {open && (
        <div className={`relative flex ${PLACEMENTS[placement].body} flex-col`}>
          <div className="border-b border-border py-4 pl-6 pr-14">
            <h2 id={titleId} className="text-base font-semibold tracking-tight">
              {title}
            </h2>
            {description && (
              <div id={descriptionId} className="mt-1 text-sm text-muted">
                {description}
              </div>
            )}
          </div>
          <div ref={body} className="min-h-0 flex-1 overflow-y-auto px-6 py-5">
            {children}
          </div>
          {/* Last in the DOM so that opening the dialog focuses its first field, not this. */}
          <button
            type="button"
            onClick={onClose}
            aria-label="Close"
            className="absolute right-4 top-4 rounded-md p-1.5 text-muted hover:bg-surface-muted hover:text-foreground"
          >
            <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden="true">
              <path d="M5 5l10 10M15 5L5 15" strokeLinecap="round" />
            </svg>
          </button>
        </div>
      )}
    </dialog>
  );
}

/** The row of buttons at the bottom of a dialog's form. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="mt-6 flex flex-wrap items-center justify-end gap-2">{children}</div>;
}
