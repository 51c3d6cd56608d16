"use client";
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { cn } from "@/components/ui/cn";
import { ToastProvider } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { toRaciMatrix, type MatrixDto, type MatrixModel } from "@/lib/matrix/dto";
import { computeFindings, findingsByRow } from "@/lib/raci/findings";
import type { Finding, Fix } from "@/lib/raci/types";
import { getQueryClient } from "@/lib/query/query-client";
import { useMatrix } from "@/lib/query/use-matrix";
import { queryKeys } from "@/lib/query/keys";
import { ConnectionStatus } from "@/components/matrix/live/connection-status";
import { PresenceBar } from "@/components/matrix/live/presence-bar";
import { presenceOutlines } from "@/components/matrix/live/presence-outline";
import { useMatrixLive } from "@/components/matrix/live/use-matrix-live";
import { AddColumnDialog } from "@/components/matrix/panels/lazy-dialogs";
import { FindingsPanel } from "@/components/matrix/panels/findings-panel";
import { HealthSummary } from "@/components/matrix/panels/health-summary";
import { PersonEditorDialog } from "@/components/matrix/panels/lazy-dialogs";
import { RowEditorDialog } from "@/components/matrix/panels/lazy-dialogs";
import { RuleSettingsDialog } from "@/components/matrix/panels/lazy-dialogs";
import { useMatrixEditor } from "./editing/use-matrix-editor";
import { LazyHistoryPanel, useHistoryView } from "./history/use-history-view";
import { useStructureActions } from "./editing/use-structure-actions";
import { useUndoShortcuts } from "./editing/use-undo-shortcuts";
import { FiltersToolbar } from "./filters/filters-toolbar";
import { useViewFilters } from "./filters/use-view-filters";
import { applyFilters, categoriesOf, isFiltered } from "./filters/view-filters";
import { buildGridItems } from "./grid/grid-items";
import { MatrixGrid, printsAllRows, type GridHandle } from "./grid/matrix-grid";
import { EditActions } from "./edit-actions";
import { ExportMenu, type ExportMenuFilter } from "./export-menu";
import { StartWorkshopButton, WorkshopBanner } from "@/components/workshop/workshop-banner";

export interface MatrixScreenProps {
  /** The matrix as the server page fetched it (seeds the cache: no fetch on first paint). */
  initial: MatrixDto;
  canEdit: boolean;
  /** Managers and owners: "Start workshop" (lib/permissions workshop:run). */
  canRunWorkshop?: boolean;
  currentUser: { id: string; name: string };
  /** Extra toolbar controls beside Export (the read-only link, for managers). */
  toolbarExtra?: React.ReactNode;
}

/**
 * The matrix editor: header with health, filters and edit actions, the grid filling the
 * viewport, the findings beside it. Owns the QueryClientProvider and the toasts, so the
 * server page renders just <MatrixScreen initial={dto} … />.
 */
export function MatrixScreen(props: MatrixScreenProps) {
  const [client] = useState(getQueryClient);
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>
        <MatrixEditorScreen {...props} />
      </ToastProvider>
    </QueryClientProvider>
  );
}

const NO_FINDINGS: Finding[] = [];

function MatrixEditorScreen({ initial, ...rest }: MatrixScreenProps) {
  // Seeded with the page's DTO, so the data is there from the first render on.
  const { data: model } = useMatrix(initial.id, initial);
  if (!model) return null;
  return <MatrixEditorBody model={model} {...rest} />;
}

function MatrixEditorBody({
  model,
  canEdit,
  canRunWorkshop = false,
  currentUser,
  toolbarExtra,
}: Omit<MatrixScreenProps, "initial"> & { model: MatrixModel }) {
  const matrixId = model.id;
  const gridRef = useRef<GridHandle>(null);

  // ---- Live: other people's edits patch the cache; presence for the header and the grid.
  const queryClient = useQueryClient();
  const live = useMatrixLive({
    matrixId,
    queryClient,
    queryKey: queryKeys.matrix.detail(matrixId),
    currentUserId: currentUser.id,
  });
  const remoteSelections = useMemo(
    () => presenceOutlines(live.presence, currentUser.id),
    [live.presence, currentUser.id],
  );

  // Findings follow every edit, from a deferred copy of the model: the edited cell paints
  // first, the rules (a few ms, tens on a 1000 × 100 matrix) run in the render after.
  const checked = useDeferredValue(model);
  const findings = useMemo(
    () =>
      computeFindings(
        toRaciMatrix({
          columns: checked.columns,
          rows: checked.rows,
          cells: checked.cells,
          settings: checked.settings,
        }),
      ),
    [checked.columns, checked.rows, checked.cells, checked.settings],
  );
  const rowFindings = useMemo(() => findingsByRow(findings), [findings]);
  const columnFindings = useMemo(() => {
    const map = new Map<string, Finding[]>();
    for (const f of findings) {
      if (f.personId === undefined || f.responsibilityId !== undefined) continue;
      const list = map.get(f.personId);
      if (list) list.push(f);
      else map.set(f.personId, [f]);
    }
    return map;
  }, [findings]);

  // ---- Filters (URL-backed). The text query is deferred so typing never waits on the grid.
  const { filters, setFilters, clearFilters } = useViewFilters();
  const query$ = useDeferredValue(filters.query);
  const findingsForFilter = filters.onlyWithFindings ? findings : NO_FINDINGS;
  const view = useMemo(
    () => applyFilters({ rows: model.rows, columns: model.columns }, { ...filters, query: query$ }, findingsForFilter),
    [model.rows, model.columns, filters, query$, findingsForFilter],
  );
  const items = useMemo(() => buildGridItems(view.rows), [view.rows]);
  const categories = useMemo(() => categoriesOf(model.rows).filter(Boolean), [model.rows]);
  // The export holds what the grid shows. Columns only when some are hidden (the route
  // takes column or person ids; one that matches nothing when every column is hidden).
  const exportFilter = useMemo<ExportMenuFilter>(
    () => ({
      categories: filters.categories,
      domains: filters.domains,
      columnIds: filters.hiddenPeople.length
        ? view.columns.length
          ? view.columns.map((c) => c.id)
          : ["none"]
        : undefined,
      onlyWithFindings: filters.onlyWithFindings,
      query: filters.query,
    }),
    [filters, view.columns],
  );
  const printsAll = printsAllRows(items.length, view.columns.length);

  // ---- Editing.
  const editor = useMatrixEditor({ matrixId, currentUserId: currentUser.id, canEdit });
  useUndoShortcuts({ enabled: canEdit, undo: editor.undo, redo: editor.redo });

  const [rowDialog, setRowDialog] = useState<{ rowId: string | null; afterId?: string | null } | null>(null);
  const [personDialogId, setPersonDialogId] = useState<string | null>(null);
  const [addColumnOpen, setAddColumnOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [panelOpen, setPanelOpen] = useState(false);
  const history = useHistoryView(model);

  const actions = useStructureActions({
    matrixId,
    items,
    visibleColumns: view.columns,
    openRowDialog: setRowDialog,
    openPersonDialog: setPersonDialogId,
  });
  const { structure } = actions;

  // Focus a row once it is rendered (after creating it, or after clearing filters that hid
  // it), and only after the dialog is gone: it gives focus back to its opener on closing.
  // A ref, not state: setting it never needs a render, the effect re-checks on each change.
  const pendingFocus = useRef<{ rowId: string; personId?: string } | null>(null);
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target || rowDialog) return;
    // A new row reaches the rendered model a tick after the write resolved: wait for it.
    if (!model.rows.some((r) => r.id === target.rowId)) return;
    if (gridRef.current?.focusCell(target.rowId, target.personId)) pendingFocus.current = null;
    else if (isFiltered(filters)) clearFilters();
    else pendingFocus.current = null;
  }, [rowDialog, model.rows, items, filters, clearFilters]);

  const onFocusFinding = useCallback(
    (f: Finding) => {
      if (f.responsibilityId) {
        if (!gridRef.current?.focusCell(f.responsibilityId, f.personId)) {
          pendingFocus.current = { rowId: f.responsibilityId, personId: f.personId };
          clearFilters();
        }
      } else if (f.personId) {
        if (!gridRef.current?.focusColumn(f.personId)) {
          setFilters((x) => ({ ...x, hiddenPeople: x.hiddenPeople.filter((id) => id !== f.personId) }));
        }
      }
    },
    [setFilters, clearFilters],
  );

  const { edit } = editor;
  const onApplyFix = useCallback(
    async (fix: Fix): Promise<void> => {
      // One batch write = one undo step; the panel keeps the fix busy until it settles.
      await edit(
        fix.patches.map((p) => ({ rowId: p.responsibilityId, personId: p.personId, letters: p.letters })),
        "fix",
      );
    },
    [edit],
  );

  const editingRow = rowDialog?.rowId ? (model.rows.find((r) => r.id === rowDialog.rowId) ?? null) : null;
  const personColumn = personDialogId ? model.columns.find((c) => c.id === personDialogId) : undefined;

  return (
    <div
      className={cn(
        "flex h-[calc(100dvh-11rem)] min-h-[32rem] flex-col gap-3",
        printsAll && "print:block print:h-auto print:min-h-0 print:space-y-3",
      )}
    >
      <header className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-semibold tracking-tight">{model.name}</h1>
          {model.description ? (
            <p className="mt-0.5 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{model.description}</p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <ConnectionStatus className="no-print" status={live.status} />
          <PresenceBar className="no-print" presence={live.presence} currentUserId={currentUser.id} />
          <HealthSummary findings={findings} />
        </div>
      </header>
      <WorkshopBanner matrixId={matrixId} teamSlug={model.teamSlug} canRun={canRunWorkshop} />
      {printsAll ? null : (
        <p className="hidden text-sm print:block">
          This print shows the rows on screen. For the complete matrix use Export → PDF.
        </p>
      )}

      {!canEdit ? (
        <p
          role="note"
          className="no-print rounded-md border border-slate-200 bg-slate-100 px-3 py-2 text-sm text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300"
        >
          Read-only: your role in this team lets you view this matrix, not change it. Ask a manager or owner for edit
          rights.
        </p>
      ) : null}

      <div className="no-print flex flex-wrap items-center justify-between gap-2">
        <FiltersToolbar
          filters={filters}
          onChange={setFilters}
          rows={model.rows}
          columns={model.columns}
          shownRowCount={view.rows.length}
        />
        <div className="flex flex-wrap items-center gap-2">
          <EditActions
            matrixId={matrixId}
            canEdit={canEdit}
            lastChangeId={model.lastChangeId}
            onUndo={editor.undo}
            onRedo={editor.redo}
            onAddRow={() => setRowDialog({ rowId: null, afterId: gridRef.current?.activeRowId() ?? undefined })}
            onAddColumn={() => setAddColumnOpen(true)}
            onRuleSettings={() => setSettingsOpen(true)}
            findingsCount={findings.length}
            isPanelOpen={panelOpen}
            onTogglePanel={() => setPanelOpen((o) => !o)}
          />
          <Button
            variant="ghost"
            size="sm"
            aria-expanded={history.isOpen}
            aria-controls="matrix-history"
            onClick={history.toggle}
          >
            History
          </Button>
          {toolbarExtra}
          <ExportMenu matrixId={matrixId} filter={exportFilter} />
          {canRunWorkshop ? <StartWorkshopButton matrixId={matrixId} teamSlug={model.teamSlug} /> : null}
        </div>
      </div>

      <div className={cn("flex min-h-0 flex-1 flex-col gap-3 lg:flex-row", printsAll && "print:block")}>
        <MatrixGrid
          handleRef={gridRef}
          className={cn("min-h-64 min-w-0 flex-1", printsAll && "print:min-h-0")}
          label={model.name}
          items={items}
          columns={view.columns}
          cells={model.cells}
          rowFindings={rowFindings}
          columnFindings={columnFindings}
          canEdit={canEdit}
          onEdit={editor.edit}
          lettersOf={editor.lettersOf}
          onRowAction={actions.onRowAction}
          onColumnAction={actions.onColumnAction}
          onRenameRow={actions.onRenameRow}
          onDropRow={actions.onDropRow}
          remoteSelections={remoteSelections}
          onActiveCellChange={live.reportSelection}
          renderCellHistory={history.renderCellHistory}
          cellDiffs={history.cellDiffs}
        />
        {history.isOpen ? (
          <div className="no-print max-h-[45%] min-h-0 lg:max-h-none lg:w-96 lg:shrink-0">
            <LazyHistoryPanel
              className="h-full"
              matrixId={matrixId}
              canEdit={canEdit}
              compare={history.compare}
              onCompare={history.setCompare}
              onFocusCell={(rowId, personId) => void gridRef.current?.focusCell(rowId, personId)}
              onClose={history.close}
            />
          </div>
        ) : null}
        <div
          id="matrix-findings"
          className={cn(
            "no-print min-h-0 lg:block lg:w-80 lg:shrink-0",
            panelOpen ? "block max-h-[45%] lg:max-h-none" : "hidden",
            history.isOpen && "lg:hidden",
          )}
        >
          <FindingsPanel
            className="h-full"
            findings={findings}
            model={checked}
            canEdit={canEdit}
            onFocusFinding={onFocusFinding}
            onApplyFix={onApplyFix}
            onOpenRuleSettings={() => setSettingsOpen(true)}
          />
        </div>
      </div>

      {canEdit ? (
        <>
          <RowEditorDialog
            open={rowDialog !== null}
            row={editingRow}
            categories={categories}
            onClose={() => setRowDialog(null)}
            onSave={async (values) => {
              if (rowDialog?.rowId) {
                await structure.updateRow(rowDialog.rowId, values);
              } else {
                // "Add a row below X" means inside X's group: an empty category follows X's
                // (the dialog has no way to prefill it yet).
                const below = rowDialog?.afterId ? model.rows.find((r) => r.id === rowDialog.afterId) : undefined;
                const category = values.category || below?.category || "";
                const row = await structure.createRow({
                  ...values,
                  category,
                  afterId: rowDialog?.afterId ?? undefined,
                });
                pendingFocus.current = { rowId: row.id };
              }
            }}
          />
          {personColumn ? (
            <PersonEditorDialog
              open
              column={personColumn}
              codingRange={model.settings.codingRange}
              onClose={() => setPersonDialogId(null)}
              onSave={async (values) => {
                await structure.updatePerson(personColumn.personId, values);
              }}
            />
          ) : null}
          <AddColumnDialog
            open={addColumnOpen}
            teamId={model.teamId}
            existingPersonIds={model.columns.map((c) => c.personId)}
            codingRange={model.settings.codingRange}
            onClose={() => setAddColumnOpen(false)}
            onAdd={async (input) => {
              await structure.addColumn(input);
            }}
          />
        </>
      ) : null}
      <RuleSettingsDialog
        open={settingsOpen}
        settings={model.settings}
        canEdit={canEdit}
        onClose={() => setSettingsOpen(false)}
        onSave={async (settings) => {
          await structure.updateSettings(settings);
        }}
      />
    </div>
  );
}
