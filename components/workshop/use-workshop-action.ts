"use client";
import { useCallback, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/query/api-client";
import { queryKeys } from "@/lib/query/keys";
import type { WorkshopAction } from "@/lib/schemas/workshop";
import { workshopApi } from "./workshop-api";

/**
 * Runs facilitator actions one at a time: `busy` names the running one (buttons show
 * it), a refusal (409: the workshop moved on) is shown as a toast and the state is
 * refetched either way.
 */
export function useWorkshopAction(workshopId: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [busy, setBusy] = useState<WorkshopAction["type"] | null>(null);
  const run = useCallback(
    async (action: WorkshopAction): Promise<boolean> => {
      setBusy(action.type);
      try {
        await workshopApi.act(workshopId, action);
        return true;
      } catch (e) {
        toast.show(errorMessage(e), { tone: "error" });
        return false;
      } finally {
        setBusy(null);
        await queryClient.invalidateQueries({ queryKey: queryKeys.workshop.detail(workshopId) });
      }
    },
    [workshopId, queryClient, toast],
  );
  return { run, busy };
}
