"use client";
import { useState } from "react";
import { QueryClientProvider } from "@tanstack/react-query";
import { ToastProvider } from "@/components/ui/toast";
import { getQueryClient } from "@/lib/query/query-client";

/** The query client and toasts for a workshop screen (the server page renders it around the screen). */
export function WorkshopProviders({ children }: { children: React.ReactNode }) {
  const [client] = useState(getQueryClient);
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
