"use client";

import { useEffect } from "react";

/** Submits the forged form as soon as the page loads, as a real attack page would. */
export function AutoSubmit({ formId }: { formId: string }) {
  useEffect(() => {
    const form = document.getElementById(formId);
    if (form instanceof HTMLFormElement) form.submit();
  }, [formId]);
  return null;
}
